import { createBackendModule } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import {
  AuthorizeResult,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { SCIM_SCHEMAS } from '@internal/backstage-plugin-scim-common';
import permissionPlugin from '@backstage/plugin-permission-backend';
import request from 'supertest';
import { scimPlugin } from './plugin';

jest.setTimeout(60_000);

const ADMIN = 'user:default/admin';
const READER = 'user:default/reader';
const OUTSIDER = 'user:default/outsider';

/** admin may do everything, reader may read, outsider nothing. */
const testPolicy = createBackendModule({
  pluginId: 'permission',
  moduleId: 'scim-test-policy',
  register(env) {
    env.registerInit({
      deps: { policy: policyExtensionPoint },
      async init({ policy }) {
        policy.setPolicy({
          async handle(
            query: PolicyQuery,
            user?: PolicyQueryUser,
          ): Promise<PolicyDecision> {
            const ref = user?.info.userEntityRef;
            if (ref === ADMIN) return { result: AuthorizeResult.ALLOW };
            if (
              ref === READER &&
              query.permission.name === 'scim.settings.read'
            ) {
              return { result: AuthorizeResult.ALLOW };
            }
            return { result: AuthorizeResult.DENY };
          },
        });
      },
    });
  },
});

const as = (userEntityRef: string) =>
  mockCredentials.user.header(userEntityRef);

describe('SCIM plugin in a backend', () => {
  describe('with the permission framework disabled (the dev default)', () => {
    let server: Awaited<ReturnType<typeof startTestBackend>>['server'];

    beforeAll(async () => {
      ({ server } = await startTestBackend({
        features: [
          scimPlugin,
          mockServices.rootConfig.factory({
            data: { permission: { enabled: false } },
          }),
        ],
      }));
    });

    it('answers the health route and refuses SCIM without a token', async () => {
      await request(server)
        .get('/api/scim/health')
        .expect(200, { status: 'ok' });
      const res = await request(server).get('/api/scim/v2/Users');
      expect(res.status).toBe(401);
      expect(res.headers['www-authenticate']).toBe('Bearer');
      expect(res.headers['content-type']).toContain('application/scim+json');
      expect(res.body).toEqual({
        schemas: [SCIM_SCHEMAS.error],
        status: '401',
        detail: expect.any(String),
      });
    });

    it('runs the setup flow: enable, generate a token, use it, revoke it', async () => {
      const settings = await request(server)
        .get('/api/scim/admin/settings')
        .set('Authorization', as(OUTSIDER))
        .expect(200);
      expect(settings.body).toEqual({
        enabled: false,
        baseUrl: expect.stringMatching(
          /^http:\/\/localhost:\d+\/api\/scim\/v2$/,
        ),
        maxTokenValidityDays: 730,
      });

      const created = await request(server)
        .post('/api/scim/admin/tokens')
        .set('Authorization', as(OUTSIDER))
        .send({ validityDays: 90, description: 'Entra' })
        .expect(201);
      expect(created.body).toEqual({
        id: expect.any(String),
        token: expect.stringMatching(/^bscim_/),
        expiresAt: expect.any(String),
        description: 'Entra',
      });
      const bearer = `Bearer ${created.body.token}`;

      const disabled = await request(server)
        .get('/api/scim/v2/Users')
        .set('Authorization', bearer);
      expect(disabled.status).toBe(403);
      expect(disabled.body.detail).toMatch(/disabled in Backstage/);

      await request(server)
        .put('/api/scim/admin/settings')
        .set('Authorization', as(OUTSIDER))
        .send({ enabled: 'yes' })
        .expect(400);
      await request(server)
        .put('/api/scim/admin/settings')
        .set('Authorization', as(OUTSIDER))
        .send({ enabled: true })
        .expect(200);

      const list = await request(server)
        .get('/api/scim/v2/Users?filter=userName%20eq%20%22a4c1d0e2%22')
        .set('Authorization', bearer)
        .expect(200);
      expect(list.body.totalResults).toBe(0);

      const tokens = await request(server)
        .get('/api/scim/admin/tokens')
        .set('Authorization', as(OUTSIDER))
        .expect(200);
      expect(tokens.body.items).toHaveLength(1);
      expect(JSON.stringify(tokens.body)).not.toContain(created.body.token);

      await request(server)
        .delete(`/api/scim/admin/tokens/${created.body.id}`)
        .set('Authorization', as(OUTSIDER))
        .expect(204);
      await request(server)
        .delete('/api/scim/admin/tokens/00000000-0000-0000-0000-000000000000')
        .set('Authorization', as(OUTSIDER))
        .expect(404);
      const revoked = await request(server)
        .get('/api/scim/v2/Users')
        .set('Authorization', bearer);
      expect(revoked.status).toBe(401);
      expect(revoked.body.detail).toMatch(/revoked/);

      const audit = await request(server)
        .get('/api/scim/admin/audit?limit=2')
        .set('Authorization', as(OUTSIDER))
        .expect(200);
      expect(audit.body).toMatchObject({ totalCount: 3, offset: 0, limit: 2 });
      expect(audit.body.items.map((e: any) => [e.action, e.actor])).toEqual([
        ['token.revoked', OUTSIDER],
        ['settings.updated', OUTSIDER],
      ]);
      await request(server)
        .get('/api/scim/admin/audit?limit=0')
        .set('Authorization', as(OUTSIDER))
        .expect(400);
    });

    it.each([
      ['no header', undefined],
      ['the Basic scheme', 'Basic dXNlcjpwYXNz'],
      ['a malformed bearer', 'Bearer'],
      ['a wrong token', `Bearer bscim_${'x'.repeat(43)}`],
      ['a non-SCIM token', 'Bearer abc.def.ghi'],
    ])('answers SCIM requests with %s with 401', async (_, header) => {
      const req = request(server).get('/api/scim/v2/Users');
      const res = await (header ? req.set('Authorization', header) : req);
      expect(res.status).toBe(401);
      expect(res.headers['www-authenticate']).toBe('Bearer');
      expect(res.body.schemas).toEqual([SCIM_SCHEMAS.error]);
    });

    it.each([
      [{}],
      [{ validityDays: 0 }],
      [{ validityDays: -5 }],
      [{ validityDays: 731 }],
      [{ validityDays: '90' }],
      [{ validityDays: 2.5 }],
      [{ validityDays: 30, description: 'x'.repeat(256) }],
    ])('rejects the new token %j with 400', async body => {
      const res = await request(server)
        .post('/api/scim/admin/tokens')
        .set('Authorization', as(ADMIN))
        .send(body)
        .expect(400);
      expect(res.body.error.message).toMatch(/validityDays|description/);
    });

    it('accepts the longest configured validity', async () => {
      await request(server)
        .post('/api/scim/admin/tokens')
        .set('Authorization', as(ADMIN))
        .send({ validityDays: 730 })
        .expect(201);
    });

    it('refuses admin routes without Backstage credentials', async () => {
      await request(server)
        .get('/api/scim/admin/settings')
        .set('Authorization', mockCredentials.user.invalidHeader())
        .expect(401);
    });
  });

  describe('with the permission framework enabled', () => {
    let server: Awaited<ReturnType<typeof startTestBackend>>['server'];

    beforeAll(async () => {
      ({ server } = await startTestBackend({
        features: [
          scimPlugin,
          permissionPlugin,
          testPolicy,
          mockServices.rootConfig.factory({
            data: { permission: { enabled: true } },
          }),
        ],
      }));
    });

    const routes: Array<[string, string, object | null]> = [
      ['get', '/api/scim/admin/settings', null],
      ['put', '/api/scim/admin/settings', { enabled: true }],
      ['get', '/api/scim/admin/tokens', null],
      ['post', '/api/scim/admin/tokens', { validityDays: 30 }],
      ['delete', '/api/scim/admin/tokens/some-id', null],
      ['get', '/api/scim/admin/audit', null],
    ];

    it.each(routes)(
      'denies %s %s to a user the policy does not allow',
      async (method, path, body) => {
        const req = (request(server) as any)
          [method](path)
          .set('Authorization', as(OUTSIDER));
        const res = await (body ? req.send(body) : req);
        expect(res.status).toBe(403);
      },
    );

    it('lets a reader read but not change', async () => {
      await request(server)
        .get('/api/scim/admin/settings')
        .set('Authorization', as(READER))
        .expect(200);
      await request(server)
        .get('/api/scim/admin/tokens')
        .set('Authorization', as(READER))
        .expect(200);
      await request(server)
        .put('/api/scim/admin/settings')
        .set('Authorization', as(READER))
        .send({ enabled: true })
        .expect(403);
    });

    it('lets an admin change settings and create tokens', async () => {
      const updated = await request(server)
        .put('/api/scim/admin/settings')
        .set('Authorization', as(ADMIN))
        .send({ enabled: true })
        .expect(200);
      expect(updated.body.enabled).toBe(true);
      const created = await request(server)
        .post('/api/scim/admin/tokens')
        .set('Authorization', as(ADMIN))
        .send({ validityDays: 30 })
        .expect(201);
      await request(server)
        .get('/api/scim/v2/Users')
        .set('Authorization', `Bearer ${created.body.token}`)
        .expect(200);
    });
  });
});
