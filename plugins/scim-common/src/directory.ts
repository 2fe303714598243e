/**
 * The consolidated directory the Identity and access page lists:
 * `GET /api/scim/admin/directory/users` and `/groups`, paged on the server.
 */

/** Where a user or group comes from. */
export type DirectorySource = 'scim' | 'backstage';

export interface DirectoryUser {
  /** `user:default/alice`; absent for a deactivated SCIM user no longer in the catalog. */
  entityRef?: string;
  /** SCIM id when provisioned by SCIM. */
  scimId?: string;
  userName?: string;
  displayName?: string;
  email?: string;
  source: DirectorySource;
  active: boolean;
  /** Last SCIM change (ISO time), for provisioned users. */
  lastProvisionedAt?: string;
}

export interface DirectoryGroup {
  entityRef: string;
  scimId?: string;
  displayName: string;
  /** Backstage-managed, or membership owned by the identity provider. */
  managedBy: 'backstage' | 'identity-provider';
  memberCount: number;
  lastProvisionedAt?: string;
}

/**
 * Query of both list routes: `search` (free text), `offset`, `limit` (1..200),
 * and for users `status` = `active` (catalog users) | `deactivated` (SCIM users
 * with active=false, who are no longer in the catalog).
 */
export interface DirectoryPage<T> {
  items: T[];
  totalCount: number;
  offset: number;
  limit: number;
}

/** `GET /api/scim/admin/directory/groups/{groupEntityRef}/members?offset&limit`. */
export interface DirectoryGroupMember {
  entityRef: string;
  displayName?: string;
}
