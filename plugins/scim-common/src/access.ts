/**
 * Group access: services and their roles (from config), grants to groups,
 * manual grants to users, and the effective roles that follow.
 * Served under `/api/scim/admin/access` (admin UI) and `/api/scim/access`
 * (service-to-service, for other plugins).
 */

/**
 * Which Backstage permissions a role allows. Every field that is set must
 * match; `name` may end in `*` to match a prefix (`catalog.*`).
 */
export interface PermissionRule {
  name?: string;
  resourceType?: string;
  action?: 'create' | 'read' | 'update' | 'delete';
}

export interface AccessRole {
  id: string;
  title: string;
  description?: string;
  permissions: PermissionRule[];
}

export interface AccessService {
  id: string;
  title: string;
  description?: string;
  roles: AccessRole[];
}

/** `GET /api/scim/admin/access/services`. */
export interface AccessServicesResponse {
  items: AccessService[];
}

/** One (service, role) pair granted to a group or a user. */
export interface AccessGrant {
  service: string;
  role: string;
}

/** A grant that names a service or role the config no longer defines: reported, never effective. */
export interface UnknownGrant extends AccessGrant {
  reason: 'unknown-service' | 'unknown-role';
}

/** `GET /api/scim/admin/access/groups/{groupEntityRef}`. */
export interface GroupAccess {
  groupEntityRef: string;
  grants: AccessGrant[];
  unknown: UnknownGrant[];
}

/**
 * `PUT /api/scim/admin/access/groups/{groupEntityRef}` body: replaces the
 * grants of every service named in `services` (or, if absent, of every service
 * that appears in `grants`) in one transaction. Answers the new `GroupAccess`.
 */
export interface UpdateGroupAccessRequest {
  grants: AccessGrant[];
  services?: string[];
}

/** `GET /api/scim/admin/access/groups`: every group that has at least one grant. */
export interface GroupAccessListResponse {
  items: GroupAccess[];
}

/** An effective role and where it came from: `'manual'` or a group entity ref. */
export interface EffectiveRole extends AccessGrant {
  sources: string[];
}

/** `GET /api/scim/admin/access/users/{userEntityRef}`. */
export interface UserAccess {
  userEntityRef: string;
  /** False when the user is deactivated or deleted in SCIM, or unknown to the catalog: no effective roles. */
  active: boolean;
  manual: AccessGrant[];
  effective: EffectiveRole[];
  unknown: UnknownGrant[];
}

/** `POST /api/scim/admin/access/manual-roles/remove-idp-users` answer. */
export interface RemoveIdpManualRolesResponse {
  users: number;
  removed: number;
}

/**
 * `GET /api/scim/access/users/{userEntityRef}` (service-to-service): the
 * user's access plus the permission rules of every effective role, so a
 * permission policy can decide without knowing the configured services.
 */
export interface UserPermissionAccess extends UserAccess {
  permissions: PermissionRule[];
}
