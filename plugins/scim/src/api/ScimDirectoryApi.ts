import { createApiRef } from '@backstage/core-plugin-api';
import {
  AccessGrant,
  AccessService,
  DirectoryGroup,
  DirectoryGroupMember,
  DirectoryPage,
  DirectoryUser,
  GroupAccess,
  RemoveIdpManualRolesResponse,
  UpdateGroupAccessRequest,
  UserAccess,
} from '@internal/backstage-plugin-scim-common';

/** One server-side page of a directory list, optionally searched. */
export interface DirectoryPageRequest {
  search?: string;
  offset?: number;
  limit?: number;
}

export type DirectoryUserStatus = 'active' | 'deactivated';

/**
 * The directory (`/admin/directory`) and group access (`/admin/access`) admin
 * routes of the SCIM backend, as the Users and Groups tabs use them. Entity
 * refs are full refs such as `group:default/developers`.
 */
export interface ScimDirectoryApi {
  /** `GET /admin/directory/users`: catalog users (`active`) or deactivated SCIM users. */
  listUsers(
    request: DirectoryPageRequest & { status?: DirectoryUserStatus },
  ): Promise<DirectoryPage<DirectoryUser>>;
  /** `GET /admin/directory/groups`. */
  listGroups(
    request: DirectoryPageRequest,
  ): Promise<DirectoryPage<DirectoryGroup>>;
  /** `GET /admin/directory/groups/{ref}/members`. */
  listGroupMembers(
    groupEntityRef: string,
    request: Omit<DirectoryPageRequest, 'search'>,
  ): Promise<DirectoryPage<DirectoryGroupMember>>;
  /** `GET /admin/access/services`: the configured services and their roles. */
  listServices(): Promise<AccessService[]>;
  /** `GET /admin/access/groups`: every group that has at least one grant. */
  listGroupAccess(): Promise<GroupAccess[]>;
  /** `GET /admin/access/groups/{ref}`. */
  getGroupAccess(groupEntityRef: string): Promise<GroupAccess>;
  /** `PUT /admin/access/groups/{ref}`: replaces the grants of the named services. */
  updateGroupAccess(
    groupEntityRef: string,
    request: UpdateGroupAccessRequest,
  ): Promise<GroupAccess>;
  /** `GET /admin/access/users/{ref}`: manual and effective roles with their sources. */
  getUserAccess(userEntityRef: string): Promise<UserAccess>;
  /** `POST /admin/access/users/{ref}/roles`: grants a manual role. */
  addUserRole(userEntityRef: string, grant: AccessGrant): Promise<UserAccess>;
  /** `DELETE /admin/access/users/{ref}/roles/{service}/{role}`. */
  removeUserRole(userEntityRef: string, grant: AccessGrant): Promise<void>;
  /** `POST /admin/access/manual-roles/remove-idp-users`. */
  removeIdpManualRoles(): Promise<RemoveIdpManualRolesResponse>;
}

/** The {@link ScimDirectoryApi} reference. */
export const scimDirectoryApiRef = createApiRef<ScimDirectoryApi>({
  id: 'plugin.scim.directory',
});
