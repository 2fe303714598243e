import {
  mockCredentials,
  mockErrorHandler,
  mockServices,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import express from 'express';
import request from 'supertest';
import { EntraGraphClient } from '../entra/EntraGraphClient';
import {
  FAKE_CLIENT_ID,
  FAKE_CLIENT_SECRET,
  FAKE_SP_ID,
  FAKE_TENANT,
  FakeGraphServer,
  forbidden,
  LOOPBACK_TEST_CA,
  startFakeGraphServer,
  throttled,
} from '../entra/__testUtils__/fakeGraphServer';
import { createEntraAdminRouter } from './entraAdminRouter';

jest.setTimeout(30_000);

describe('createEntraAdminRouter', () => {
  let fake: FakeGraphServer;
  let granted: boolean;

  beforeEach(async () => {
    fake = await startFakeGraphServer();
    granted = true;
  });

  afterEach(async () => {
    await fake.close();
  });

  const appWith = (entra?: EntraGraphClient) =>
    express()
      .use(
        '/admin/entra',
        createEntraAdminRouter({
          entra,
          httpAuth: mockServices.httpAuth(),
          permissions: mockServices.permissions.mock({
            authorize: async requests =>
              requests.map(() => ({
                result: granted ? AuthorizeResult.ALLOW : AuthorizeResult.DENY,
              })) as any,
          }),
        }),
      )
      .use(mockErrorHandler());

  const configured = () =>
    appWith(
      EntraGraphClient.fromConfig(
        {
          tenantId: FAKE_TENANT,
          clientId: FAKE_CLIENT_ID,
          clientSecret: FAKE_CLIENT_SECRET,
          servicePrincipalId: FAKE_SP_ID,
          graphBaseUrl: fake.graphBaseUrl,
          authorityHost: fake.authorityHost,
        },
        { credentialOptions: { tlsOptions: { ca: LOOPBACK_TEST_CA } } },
      ),
    );

  const get = (app: express.Express, path: string) =>
    request(app).get(path).set('Authorization', mockCredentials.user.header());

  it('answers configured: false when Graph is not set up', async () => {
    const app = appWith(undefined);
    expect((await get(app, '/admin/entra/logs').expect(200)).body).toEqual({
      configured: false,
    });
    expect((await get(app, '/admin/entra/job').expect(200)).body).toEqual({
      configured: false,
    });
  });

  it('serves the logs and the job from Graph', async () => {
    fake.logPages = [
      [
        {
          id: 'p1',
          activityDateTime: '2026-11-29T10:00:00Z',
          provisioningAction: 'create',
          provisioningStatusInfo: { status: 'success' },
        },
      ],
    ];
    fake.jobs = [
      { id: 'scim.1', templateId: 'scim', status: { code: 'Active' } },
    ];
    const app = configured();
    expect(
      (await get(app, '/admin/entra/logs?limit=10').expect(200)).body,
    ).toEqual({
      configured: true,
      items: [
        {
          id: 'p1',
          time: '2026-11-29T10:00:00Z',
          operation: 'create',
          status: 'success',
        },
      ],
    });
    expect((await get(app, '/admin/entra/job').expect(200)).body).toEqual({
      configured: true,
      jobId: 'scim.1',
      templateId: 'scim',
      state: 'Active',
    });
  });

  it('answers 502 with what to fix, and 503 with Retry-After when throttled', async () => {
    const app = configured();
    fake.graphFailures = [forbidden()];
    const denied = await get(app, '/admin/entra/logs').expect(502);
    expect(denied.body.error.name).toBe('EntraGraphError');
    expect(denied.body.error.message).toContain('AuditLog.Read.All');

    fake.graphFailures = [throttled(90)];
    const throttledRes = await get(app, '/admin/entra/job').expect(503);
    expect(throttledRes.headers['retry-after']).toBe('90');
    expect(throttledRes.body.error).toEqual({
      name: 'EntraGraphError',
      message: expect.stringContaining('90 seconds'),
      retryAfterSeconds: 90,
    });
    expect(throttledRes.body.response).toEqual({ statusCode: 503 });
  });

  it.each([
    ['/admin/entra/logs?limit=0', 'limit'],
    ['/admin/entra/logs?limit=abc', 'limit'],
    ['/admin/entra/logs?cursor=', 'cursor'],
    ['/admin/entra/logs?cursor=%2A%2A', 'cursor'],
  ])('answers 400 naming the parameter for %s', async (path, name) => {
    const res = await get(configured(), path).expect(400);
    expect(res.body.error.message).toMatch(new RegExp(`^${name} `));
  });

  it.each(['/admin/entra/logs', '/admin/entra/job'])(
    'answers 403 on %s without the read permission',
    async path => {
      granted = false;
      const res = await get(appWith(undefined), path);
      expect(res.status).toBe(403);
      expect(res.body.error.name).toBe('NotAllowedError');
    },
  );
});
