import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { mockApis, TestApiProvider } from '@backstage/test-utils';
import {
  AccessService,
  DirectoryGroup,
  DirectoryPage,
  DirectoryUser,
  GroupAccess,
  UserAccess,
} from '@internal/backstage-plugin-scim-common';
import { ReactNode } from 'react';
import { SWRConfig } from 'swr';
import { ScimDirectoryApi, scimDirectoryApiRef } from '../api/ScimDirectoryApi';

/** Mount points for `renderInTestApp`, so `EntityRefLink`s resolve. */
export const CATALOG_ROUTES = {
  mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
};

export const SERVICES: AccessService[] = [
  {
    id: 'catalog',
    title: 'Software Catalog',
    roles: [
      { id: 'viewer', title: 'Viewer', permissions: [] },
      { id: 'editor', title: 'Editor', permissions: [] },
    ],
  },
  {
    id: 'scaffolder',
    title: 'Scaffolder',
    roles: [{ id: 'user', title: 'User', permissions: [] }],
  },
];

export const USERS: DirectoryUser[] = [
  {
    entityRef: 'user:default/ada_example.com',
    scimId: 'u-ada',
    userName: 'ada@example.com',
    displayName: 'Ada Lovelace',
    email: 'ada@example.com',
    source: 'scim',
    active: true,
    lastProvisionedAt: '2026-11-28T12:00:00.000Z',
  },
  {
    entityRef: 'user:default/guest',
    userName: 'guest',
    source: 'backstage',
    active: true,
  },
];

export const GROUPS: DirectoryGroup[] = [
  {
    entityRef: 'group:default/developers',
    scimId: 'g-dev',
    displayName: 'Developers',
    managedBy: 'identity-provider',
    memberCount: 12,
    lastProvisionedAt: '2026-11-28T12:00:00.000Z',
  },
  {
    entityRef: 'group:default/platform',
    displayName: 'Platform team',
    managedBy: 'backstage',
    memberCount: 3,
  },
];

export const DEVELOPERS_ACCESS: GroupAccess = {
  groupEntityRef: 'group:default/developers',
  grants: [{ service: 'catalog', role: 'viewer' }],
  unknown: [],
};

export const ADA_ACCESS: UserAccess = {
  userEntityRef: 'user:default/ada_example.com',
  active: true,
  manual: [{ service: 'scaffolder', role: 'user' }],
  effective: [
    {
      service: 'catalog',
      role: 'viewer',
      sources: ['group:default/developers'],
    },
    { service: 'scaffolder', role: 'user', sources: ['manual'] },
  ],
  unknown: [],
};

export const pageOf = <T,>(
  items: T[],
  totalCount = items.length,
  offset = 0,
  limit = 25,
): DirectoryPage<T> => ({ items, totalCount, offset, limit });

/** An in-memory directory and access API whose methods are jest mocks. */
export function fakeDirectoryApi(
  overrides: Partial<ScimDirectoryApi> = {},
): jest.Mocked<ScimDirectoryApi> {
  return {
    listUsers: jest.fn(async () => pageOf(USERS)),
    listGroups: jest.fn(async () => pageOf(GROUPS)),
    listGroupMembers: jest.fn(async () =>
      pageOf([
        {
          entityRef: 'user:default/ada_example.com',
          displayName: 'Ada Lovelace',
        },
      ]),
    ),
    listServices: jest.fn(async () => SERVICES),
    listGroupAccess: jest.fn(async () => [DEVELOPERS_ACCESS]),
    getGroupAccess: jest.fn(async (groupEntityRef: string) =>
      groupEntityRef === DEVELOPERS_ACCESS.groupEntityRef
        ? DEVELOPERS_ACCESS
        : { groupEntityRef, grants: [], unknown: [] },
    ),
    updateGroupAccess: jest.fn(async (groupEntityRef, request) => ({
      groupEntityRef,
      grants: request.grants,
      unknown: [],
    })),
    getUserAccess: jest.fn(async () => ADA_ACCESS),
    addUserRole: jest.fn(async () => ADA_ACCESS),
    removeUserRole: jest.fn(async () => {}),
    removeIdpManualRoles: jest.fn(async () => ({ users: 4, removed: 7 })),
    ...overrides,
  } as jest.Mocked<ScimDirectoryApi>;
}

/** The directory API and a permission policy: identity admin (default), read-only, or neither. */
export function DirectoryProviders(props: {
  api: ScimDirectoryApi;
  canRead?: boolean;
  canManage?: boolean;
  children: ReactNode;
}) {
  const { api, canRead = true, canManage = true, children } = props;
  const granted = new Set([
    ...(canRead ? ['scim.settings.read'] : []),
    ...(canManage ? ['scim.settings.manage'] : []),
  ]);
  return (
    <TestApiProvider
      apis={[
        [scimDirectoryApiRef, api],
        [
          permissionApiRef,
          mockApis.permission({
            authorize: request =>
              granted.has(request.permission.name)
                ? AuthorizeResult.ALLOW
                : AuthorizeResult.DENY,
          }),
        ],
      ]}
    >
      {/* usePermission caches decisions in SWR; a fresh cache per render keeps tests apart. */}
      <SWRConfig value={{ provider: () => new Map() }}>{children}</SWRConfig>
    </TestApiProvider>
  );
}
