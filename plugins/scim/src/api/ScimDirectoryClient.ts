import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import {
  AccessGrant,
  AccessService,
  AccessServicesResponse,
  DirectoryGroup,
  DirectoryGroupMember,
  DirectoryPage,
  DirectoryUser,
  GroupAccess,
  GroupAccessListResponse,
  RemoveIdpManualRolesResponse,
  UpdateGroupAccessRequest,
  UserAccess,
} from '@internal/backstage-plugin-scim-common';
import {
  DirectoryPageRequest,
  DirectoryUserStatus,
  ScimDirectoryApi,
} from './ScimDirectoryApi';
import { createScimFetch, ScimFetch } from './scimFetch';

const ref = encodeURIComponent;

/** {@link ScimDirectoryApi} over HTTP: the only place that knows these URLs. */
export class ScimDirectoryClient implements ScimDirectoryApi {
  private readonly request: ScimFetch;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.request = createScimFetch(options);
  }

  listUsers(
    request: DirectoryPageRequest & { status?: DirectoryUserStatus },
  ): Promise<DirectoryPage<DirectoryUser>> {
    return this.request('/admin/directory/users', {
      query: {
        search: request.search,
        status: request.status,
        offset: request.offset,
        limit: request.limit,
      },
    });
  }

  listGroups(
    request: DirectoryPageRequest,
  ): Promise<DirectoryPage<DirectoryGroup>> {
    return this.request('/admin/directory/groups', {
      query: {
        search: request.search,
        offset: request.offset,
        limit: request.limit,
      },
    });
  }

  listGroupMembers(
    groupEntityRef: string,
    request: Omit<DirectoryPageRequest, 'search'>,
  ): Promise<DirectoryPage<DirectoryGroupMember>> {
    return this.request(
      `/admin/directory/groups/${ref(groupEntityRef)}/members`,
      { query: { offset: request.offset, limit: request.limit } },
    );
  }

  async listServices(): Promise<AccessService[]> {
    const { items } = await this.request<AccessServicesResponse>(
      '/admin/access/services',
    );
    return items;
  }

  async listGroupAccess(): Promise<GroupAccess[]> {
    const { items } = await this.request<GroupAccessListResponse>(
      '/admin/access/groups',
    );
    return items;
  }

  getGroupAccess(groupEntityRef: string): Promise<GroupAccess> {
    return this.request(`/admin/access/groups/${ref(groupEntityRef)}`);
  }

  updateGroupAccess(
    groupEntityRef: string,
    request: UpdateGroupAccessRequest,
  ): Promise<GroupAccess> {
    return this.request(`/admin/access/groups/${ref(groupEntityRef)}`, {
      method: 'PUT',
      body: request,
    });
  }

  getUserAccess(userEntityRef: string): Promise<UserAccess> {
    return this.request(`/admin/access/users/${ref(userEntityRef)}`);
  }

  addUserRole(userEntityRef: string, grant: AccessGrant): Promise<UserAccess> {
    return this.request(`/admin/access/users/${ref(userEntityRef)}/roles`, {
      method: 'POST',
      body: { service: grant.service, role: grant.role },
    });
  }

  async removeUserRole(
    userEntityRef: string,
    grant: AccessGrant,
  ): Promise<void> {
    await this.request(
      `/admin/access/users/${ref(userEntityRef)}/roles/${ref(
        grant.service,
      )}/${ref(grant.role)}`,
      { method: 'DELETE' },
    );
  }

  removeIdpManualRoles(): Promise<RemoveIdpManualRolesResponse> {
    return this.request('/admin/access/manual-roles/remove-idp-users', {
      method: 'POST',
    });
  }
}
