import { ResponseError } from '@backstage/errors';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { mockApis, TestApiProvider } from '@backstage/test-utils';
import {
  ScimSettings,
  ScimTokenInfo,
} from '@internal/backstage-plugin-scim-common';
import { ReactNode } from 'react';
import { SWRConfig } from 'swr';
import { ScimAdminApi, scimAdminApiRef } from '../api/ScimAdminApi';

export const SETTINGS: ScimSettings = {
  enabled: true,
  baseUrl: 'https://backstage.example.com/api/scim/v2',
  maxTokenValidityDays: 730,
};

const inDays = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString();

export const TOKENS: ScimTokenInfo[] = [
  {
    id: 't-active',
    description: 'Entra production',
    prefix: 'bscim_AAAAAA',
    createdBy: 'user:default/admin',
    createdAt: inDays(-10),
    expiresAt: inDays(80),
    lastUsedAt: inDays(0),
  },
  {
    id: 't-soon',
    description: 'Old Entra token',
    prefix: 'bscim_BBBBBB',
    createdBy: 'user:default/admin',
    createdAt: inDays(-80),
    expiresAt: inDays(5),
  },
  {
    id: 't-revoked',
    prefix: 'bscim_CCCCCC',
    createdBy: 'user:default/admin',
    createdAt: inDays(-100),
    expiresAt: inDays(100),
    revokedAt: inDays(-1),
  },
];

/** An in-memory admin API whose methods are jest mocks. */
export function fakeAdminApi(
  overrides: Partial<ScimAdminApi> = {},
): jest.Mocked<ScimAdminApi> {
  return {
    getSettings: jest.fn(async () => SETTINGS),
    updateSettings: jest.fn(async ({ enabled }) => ({ ...SETTINGS, enabled })),
    listTokens: jest.fn(async () => TOKENS),
    createToken: jest.fn(async ({ validityDays, description }) => ({
      id: 't-new',
      token: `bscim_${'n'.repeat(43)}`,
      expiresAt: inDays(validityDays),
      description,
    })),
    revokeToken: jest.fn(async () => {}),
    listAuditEntries: jest.fn(async () => ({
      items: [],
      totalCount: 0,
      offset: 0,
      limit: 50,
    })),
    ...overrides,
  } as jest.Mocked<ScimAdminApi>;
}

export function Providers(props: {
  api: ScimAdminApi;
  canManage?: boolean;
  children: ReactNode;
}) {
  const { api, canManage = true, children } = props;
  return (
    <TestApiProvider
      apis={[
        [scimAdminApiRef, api],
        [
          permissionApiRef,
          mockApis.permission({
            authorize: request =>
              canManage || request.permission.name !== 'scim.settings.manage'
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

/** A promise that never settles, to hold a component in its loading state. */
export const pending = (): Promise<never> => new Promise(() => {});

/** A `ResponseError` as the client throws it for a Backstage JSON error. */
export function responseError(
  status: number,
  name: string,
  message: string,
): Promise<ResponseError> {
  return ResponseError.fromResponse(
    new Response(
      JSON.stringify({
        error: { name, message },
        response: { statusCode: status },
      }),
      { status, headers: { 'Content-Type': 'application/json' } },
    ) as any,
  );
}
