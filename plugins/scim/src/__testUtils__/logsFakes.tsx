import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { mockApis, TestApiProvider } from '@backstage/test-utils';
import {
  EntraJobStatus,
  EntraLogPage,
  EntraProvisioningLogEntry,
  ProvisioningLogEntry,
  ProvisioningLogSummary,
} from '@internal/backstage-plugin-scim-common';
import { ReactNode } from 'react';
import { SWRConfig } from 'swr';
import { ScimLogsApi, scimLogsApiRef } from '../api/ScimLogsApi';

export const CREATED_ALICE: ProvisioningLogEntry = {
  id: '12',
  time: '2026-03-10T11:58:00.000Z',
  requestId: 'req-12',
  method: 'POST',
  path: '/api/scim/v2/Users',
  resourceType: 'User',
  operation: 'create',
  resourceId: 'u-alice',
  resourceName: 'alice@example.com',
  externalId: 'entra-alice',
  status: 201,
  durationMs: 42,
  tokenId: 't-active',
  tokenPrefix: 'bscim_AAAAAA',
};

export const CONFLICT_BOB: ProvisioningLogEntry = {
  id: '11',
  time: '2026-03-10T11:57:00.000Z',
  requestId: 'req-11',
  method: 'POST',
  path: '/api/scim/v2/Users',
  resourceType: 'User',
  operation: 'create',
  resourceName: 'bob@example.com',
  status: 409,
  scimType: 'uniqueness',
  detail: 'userName bob@example.com is already taken',
  durationMs: 1250,
  tokenPrefix: 'bscim_AAAAAA',
};

export const LIST_GROUPS: ProvisioningLogEntry = {
  id: '10',
  time: '2026-03-10T11:00:00.000Z',
  requestId: 'req-10',
  method: 'GET',
  path: '/api/scim/v2/Groups',
  resourceType: 'Group',
  operation: 'list',
  status: 200,
  durationMs: 8,
};

const hourAgo = (h: number) =>
  new Date(
    Date.parse('2026-03-10T11:00:00.000Z') - h * 3_600_000,
  ).toISOString();

export const SUMMARY: ProvisioningLogSummary = {
  buckets: [
    { hour: hourAgo(2), requests: 0, errors: 0 },
    { hour: hourAgo(1), requests: 5, errors: 1 },
    { hour: hourAgo(0), requests: 12, errors: 3 },
  ],
  lastSuccessAt: CREATED_ALICE.time,
  lastErrorAt: CONFLICT_BOB.time,
  errorStreak: 0,
};

export const ENTRA_EXPORT_ALICE: EntraProvisioningLogEntry = {
  id: 'e1',
  time: '2026-03-10T11:58:00.000Z',
  operation: 'create',
  status: 'success',
  resourceType: 'User',
  sourceName: 'Alice Example',
  sourceId: 'aad-alice',
  targetName: 'alice@example.com',
  targetId: 'u-alice',
  durationMs: 900,
};

export const ENTRA_FAILED_BOB: EntraProvisioningLogEntry = {
  id: 'e2',
  time: '2026-03-10T11:57:00.000Z',
  operation: 'create',
  status: 'failure',
  resourceType: 'User',
  sourceName: 'Bob Example',
  sourceId: 'aad-bob',
  errorCode: 'SystemForCrossDomainIdentityManagementServiceIncompatible',
  errorReason: 'The target answered 409 Conflict',
};

export const ENTRA_PAGE: EntraLogPage = {
  configured: true,
  items: [ENTRA_EXPORT_ALICE, ENTRA_FAILED_BOB],
};

export const ENTRA_JOB: EntraJobStatus = {
  configured: true,
  jobId: 'scim.e3f6…',
  state: 'Active',
  lastRun: {
    state: 'Succeeded',
    startedAt: '2026-03-10T11:20:00.000Z',
    finishedAt: '2026-03-10T11:21:00.000Z',
  },
  steadyStateLastAchievedAt: '2026-03-10T11:21:00.000Z',
};

/** An in-memory logs API whose methods are jest mocks. */
export function fakeLogsApi(
  overrides: Partial<ScimLogsApi> = {},
): jest.Mocked<ScimLogsApi> {
  return {
    listLogs: jest.fn(async () => ({
      items: [CREATED_ALICE, CONFLICT_BOB, LIST_GROUPS],
    })),
    getLog: jest.fn(async (id: string) => {
      const entry = [CREATED_ALICE, CONFLICT_BOB, LIST_GROUPS].find(
        e => e.id === id,
      )!;
      return {
        ...entry,
        requestBody: '{"userName":"alice@example.com","password":"[REDACTED]"}',
        responseBody: '{"id":"u-alice"}',
      };
    }),
    getSummary: jest.fn(async () => SUMMARY),
    listEntraLogs: jest.fn(async () => ENTRA_PAGE),
    getEntraJob: jest.fn(async () => ENTRA_JOB),
    ...overrides,
  } as jest.Mocked<ScimLogsApi>;
}

/** The logs API and a permission API that allows `scim.settings.read` unless `canRead` is false. */
export function LogsProviders(props: {
  api: ScimLogsApi;
  canRead?: boolean;
  children: ReactNode;
}) {
  const { api, canRead = true, children } = props;
  return (
    <TestApiProvider
      apis={[
        [scimLogsApiRef, api],
        [
          permissionApiRef,
          mockApis.permission({
            authorize: () =>
              canRead ? AuthorizeResult.ALLOW : AuthorizeResult.DENY,
          }),
        ],
      ]}
    >
      {/* usePermission caches decisions in SWR; a fresh cache per render keeps tests apart. */}
      <SWRConfig value={{ provider: () => new Map() }}>{children}</SWRConfig>
    </TestApiProvider>
  );
}
