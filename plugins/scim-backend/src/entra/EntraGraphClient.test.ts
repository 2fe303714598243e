import { EntraGraphClient } from './EntraGraphClient';
import { EntraGraphError } from './EntraGraphError';
import {
  FAKE_ACCESS_TOKEN,
  FAKE_CLIENT_ID,
  FAKE_CLIENT_SECRET,
  FAKE_SP_ID,
  FAKE_TENANT,
  FakeGraphServer,
  forbidden,
  LOOPBACK_TEST_CA,
  startFakeGraphServer,
  throttled,
} from './__testUtils__/fakeGraphServer';

jest.setTimeout(30_000);

/** A provisioningObjectSummary as Graph documents it. */
const summary = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  activityDateTime: '2026-11-29T10:00:00Z',
  tenantId: FAKE_TENANT,
  jobId: 'scim.abc',
  cycleId: 'cycle-1',
  changeId: `change-${id}`,
  durationInMilliseconds: 812,
  provisioningAction: 'create',
  provisioningStatusInfo: { status: 'success', errorInformation: null },
  provisioningSteps: [],
  modifiedProperties: [],
  servicePrincipal: { id: FAKE_SP_ID, displayName: 'Backstage SCIM' },
  sourceIdentity: {
    id: `entra-${id}`,
    displayName: `User ${id}`,
    identityType: 'User',
    details: {},
  },
  targetIdentity: {
    id: `scim-${id}`,
    displayName: `user${id}@example.com`,
    identityType: 'urn:ietf:params:scim:schemas:core:2.0:User',
    details: {},
  },
  ...extra,
});

describe('EntraGraphClient against a fake Graph and token authority', () => {
  let fake: FakeGraphServer;
  let clock: number;

  beforeEach(async () => {
    fake = await startFakeGraphServer();
    clock = Date.parse('2026-11-29T12:00:00Z');
  });

  afterEach(async () => {
    await fake.close();
  });

  const client = (clientSecret = FAKE_CLIENT_SECRET) =>
    EntraGraphClient.fromConfig(
      {
        tenantId: FAKE_TENANT,
        clientId: FAKE_CLIENT_ID,
        clientSecret,
        servicePrincipalId: FAKE_SP_ID,
        graphBaseUrl: fake.graphBaseUrl,
        authorityHost: fake.authorityHost,
      },
      {
        // The real ClientSecretCredential, trusting the fake authority's certificate.
        credentialOptions: { tlsOptions: { ca: LOOPBACK_TEST_CA } },
        now: () => clock,
      },
    );

  const errorOf = async (promise: Promise<unknown>) => {
    try {
      await promise;
    } catch (error) {
      return error as EntraGraphError;
    }
    throw new Error('expected the call to fail');
  };

  it('pages the service principal provisioning logs with @odata.nextLink as an opaque cursor', async () => {
    fake.logPages = [
      [summary('1'), summary('2')],
      [
        summary('3', {
          provisioningAction: 'update',
          provisioningStatusInfo: {
            status: 'failure',
            errorInformation: {
              errorCode:
                'SystemForCrossDomainIdentityManagementServiceIncompatible',
              reason: 'The SCIM endpoint answered 409 Conflict',
              errorCategory: 'nonServiceFailure',
            },
          },
          durationInMilliseconds: null,
          targetIdentity: null,
        }),
      ],
    ];
    const entra = client();

    const first = await entra.listLogs({ limit: 2 });
    expect(first.configured).toBe(true);
    expect(first.items).toEqual([
      {
        id: '1',
        time: '2026-11-29T10:00:00Z',
        operation: 'create',
        status: 'success',
        resourceType: 'User',
        sourceName: 'User 1',
        sourceId: 'entra-1',
        targetName: 'user1@example.com',
        targetId: 'scim-1',
        cycleId: 'cycle-1',
        changeId: 'change-1',
        durationMs: 812,
      },
      expect.objectContaining({ id: '2' }),
    ]);
    expect(first.nextCursor).toEqual(expect.any(String));
    expect(first.nextCursor).not.toContain('http');

    const second = await entra.listLogs({ limit: 2, cursor: first.nextCursor });
    expect(second.nextCursor).toBeUndefined();
    expect(second.items).toEqual([
      {
        id: '3',
        time: '2026-11-29T10:00:00Z',
        operation: 'update',
        status: 'failure',
        resourceType: 'User',
        sourceName: 'User 3',
        sourceId: 'entra-3',
        errorCode: 'SystemForCrossDomainIdentityManagementServiceIncompatible',
        errorReason: 'The SCIM endpoint answered 409 Conflict',
        cycleId: 'cycle-1',
        changeId: 'change-3',
      },
    ]);

    expect(fake.graphRequests).toHaveLength(2);
    for (const seen of fake.graphRequests) {
      expect(seen.path).toBe('/v1.0/auditLogs/provisioning');
      expect(seen.authorization).toBe(`Bearer ${FAKE_ACCESS_TOKEN}`);
      expect(seen.query.get('$filter')).toBe(
        `servicePrincipal/id eq '${FAKE_SP_ID}'`,
      );
      expect(seen.query.get('$top')).toBe('2');
    }
    expect(fake.graphRequests[1].query.get('$skiptoken')).toBe('page-1');
    // One token for both pages: the credential caches it.
    expect(fake.tokenRequests).toBe(1);
  });

  it('caches answers briefly', async () => {
    fake.logPages = [[summary('1')]];
    const entra = client();
    await entra.listLogs({ limit: 10 });
    await entra.listLogs({ limit: 10 });
    expect(fake.graphRequests).toHaveLength(1);
    clock += 31_000;
    await entra.listLogs({ limit: 10 });
    expect(fake.graphRequests).toHaveLength(2);
  });

  it('rejects a cursor it did not issue', async () => {
    const error = await errorOf(client().listLogs({ limit: 2, cursor: '***' }));
    expect(error.name).toBe('InputError');
    expect(error.message).toMatch(/cursor/);
  });

  it('retries a 429 once when Retry-After is short', async () => {
    fake.logPages = [[summary('1')]];
    fake.graphFailures = [throttled(1)];
    const page = await client().listLogs({ limit: 10 });
    expect(page.items.map(i => i.id)).toEqual(['1']);
    expect(fake.graphRequests).toHaveLength(2);
  });

  it('surfaces a long or repeated 429 as 503 with retryAfterSeconds', async () => {
    fake.graphFailures = [throttled(120)];
    const long = await errorOf(client().listLogs({ limit: 10 }));
    expect(long).toBeInstanceOf(EntraGraphError);
    expect(long.status).toBe(503);
    expect(long.retryAfterSeconds).toBe(120);
    expect(long.message).toMatch(/throttling.*120 seconds/);
    expect(fake.graphRequests).toHaveLength(1);

    fake.graphFailures = [throttled(1), throttled(1)];
    const repeated = await errorOf(client().getJob());
    expect(repeated.status).toBe(503);
    expect(repeated.retryAfterSeconds).toBe(1);
  });

  it('says to fix the credentials when the authority refuses the secret', async () => {
    const error = await errorOf(client('wrong-secret').listLogs({ limit: 10 }));
    expect(error).toBeInstanceOf(EntraGraphError);
    expect(error.status).toBe(502);
    expect(error.message).toContain('AADSTS7000215: Invalid client secret');
    expect(error.message).toContain('scim.entra.clientSecret');
    expect(error.message).not.toContain('wrong-secret');
    expect(fake.graphRequests).toHaveLength(0);
  });

  it('names the missing Graph permission on 403 and the credentials on 401', async () => {
    fake.graphFailures = [forbidden()];
    const logs = await errorOf(client().listLogs({ limit: 10 }));
    expect(logs.status).toBe(502);
    expect(logs.message).toContain('AuditLog.Read.All');
    expect(logs.message).toContain('admin consent');

    fake.graphFailures = [forbidden()];
    const job = await errorOf(client().getJob());
    expect(job.message).toContain('Synchronization.Read.All');

    fake.graphFailures = [
      {
        status: 401,
        body: {
          error: {
            code: 'InvalidAuthenticationToken',
            message: 'Access token validation failure.',
          },
        },
      },
    ];
    const unauthorized = await errorOf(client().getJob());
    expect(unauthorized.status).toBe(502);
    expect(unauthorized.message).toContain('InvalidAuthenticationToken');
    expect(unauthorized.message).toContain('scim.entra.clientSecret');
  });

  it('maps the synchronization job, in quarantine', async () => {
    fake.jobs = [
      {
        id: 'scim.1f6b4c0e2e7f4e6a9d7b.55c1f3e2',
        templateId: 'scim',
        schedule: { interval: 'PT40M', state: 'Active' },
        status: {
          code: 'Quarantine',
          countSuccessiveCompleteFailures: 3,
          lastExecution: {
            state: 'Failed',
            timeBegan: '2026-11-29T09:00:00Z',
            timeEnded: '2026-11-29T09:01:00Z',
            error: {
              code: 'SystemForCrossDomainIdentityManagementCredentialValidationUnavailable',
              message: 'The bearer token is not valid',
            },
          },
          lastSuccessfulExecution: null,
          quarantine: {
            currentBegan: '2026-11-29T09:01:00Z',
            nextAttempt: '2026-11-30T09:01:00Z',
            reason: 'EncounteredQuarantineException',
            seriesBegan: '2026-11-29T09:01:00Z',
            seriesCount: 1,
          },
          steadyStateLastAchievedTime: '0001-01-01T00:00:00Z',
        },
      },
    ];
    expect(await client().getJob()).toEqual({
      configured: true,
      jobId: 'scim.1f6b4c0e2e7f4e6a9d7b.55c1f3e2',
      templateId: 'scim',
      state: 'Quarantine',
      lastRun: {
        state: 'Failed',
        startedAt: '2026-11-29T09:00:00Z',
        finishedAt: '2026-11-29T09:01:00Z',
        error: 'The bearer token is not valid',
      },
      quarantine: {
        since: '2026-11-29T09:01:00Z',
        reason: 'EncounteredQuarantineException',
        nextAttempt: '2026-11-30T09:01:00Z',
      },
    });
  });

  it('says when the app has no provisioning job, or the service principal is unknown', async () => {
    const none = await errorOf(client().getJob());
    expect(none.status).toBe(404);
    expect(none.message).toMatch(/no provisioning job/);

    fake.graphFailures = [
      {
        status: 404,
        body: {
          error: {
            code: 'Request_ResourceNotFound',
            message: 'Resource does not exist.',
          },
        },
      },
    ];
    const unknown = await errorOf(client().getJob());
    expect(unknown.status).toBe(502);
    expect(unknown.message).toContain('scim.entra.servicePrincipalId');
  });
});
