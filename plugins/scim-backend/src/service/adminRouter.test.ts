import {
  mockCredentials,
  mockErrorHandler,
  mockServices,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import express from 'express';
import { Knex } from 'knex';
import { createHash } from 'node:crypto';
import request from 'supertest';
import {
  createTestDatabases,
  initScimDatabase,
} from '../__testUtils__/testDatabases';
import { createAdminRouter } from './adminRouter';
import { AdminServices, createAdminServices } from './createAdminServices';
import { createScimAuthMiddleware } from './scimAuth';
import { scimErrorHandler } from './scimErrorHandler';

jest.setTimeout(60_000);

const BASE_URL = 'https://backstage.example.com/api/scim/v2';
const ADMIN = 'user:default/admin';
const READ = 'scim.settings.read';
const MANAGE = 'scim.settings.manage';
const databases = createTestDatabases();

const sha256 = (value: string) =>
  createHash('sha256').update(value).digest('hex');

/** Every admin route, the permission it needs and a valid body. */
const ROUTES: Array<[string, string, string, object | undefined]> = [
  ['get', '/admin/settings', READ, undefined],
  ['put', '/admin/settings', MANAGE, { enabled: true }],
  ['get', '/admin/tokens', READ, undefined],
  ['post', '/admin/tokens', MANAGE, { validityDays: 30 }],
  ['delete', '/admin/tokens/some-id', MANAGE, undefined],
  ['get', '/admin/audit', READ, undefined],
];

describe.each(databases.eachSupportedId())(
  'createAdminRouter on %p',
  databaseId => {
    let db: Knex;
    let clock: Date;
    let logger: ReturnType<typeof mockServices.logger.mock>;
    let services: AdminServices;
    /** The permissions granted; everything else is denied. */
    let granted: Set<string>;
    let asked: string[];
    let app: express.Express;

    beforeEach(async () => {
      db = await initScimDatabase(databases, databaseId);
      clock = new Date('2026-11-28T12:00:00.000Z');
      logger = mockServices.logger.mock();
      services = createAdminServices({
        db,
        config: {
          maxResults: 200,
          maxBodySize: '5mb',
          maxTokenValidityDays: 730,
        },
        baseUrl: BASE_URL,
        logger,
        now: () => clock,
      });
      granted = new Set([READ, MANAGE]);
      asked = [];
      const permissions = mockServices.permissions.mock({
        authorize: async requests =>
          requests.map(({ permission }) => {
            asked.push(permission.name);
            return {
              result: granted.has(permission.name)
                ? AuthorizeResult.ALLOW
                : AuthorizeResult.DENY,
            };
          }) as any,
      });
      app = express();
      app.use(
        '/admin',
        createAdminRouter({
          ...services,
          httpAuth: mockServices.httpAuth(),
          permissions,
        }),
      );
      app.use(mockErrorHandler());
    });

    const as = (user = ADMIN) => mockCredentials.user.header(user);
    const call = (
      method: string,
      path: string,
      body?: object,
      authorization: string = as(),
    ) => {
      const req = (request(app) as any)
        [method](path)
        .set('Authorization', authorization);
      return (body ? req.send(body) : req) as Promise<request.Response>;
    };
    const auditActions = async () =>
      (await db('scim_audit').orderBy('id').select('action')).map(
        r => r.action,
      );

    describe('settings', () => {
      it('reads the defaults and the Tenant URL', async () => {
        const res = await call('get', '/admin/settings');
        expect(res.status).toBe(200);
        expect(res.body).toEqual({
          enabled: false,
          baseUrl: BASE_URL,
          maxTokenValidityDays: 730,
        });
        expect(asked).toEqual([READ]);
      });

      it('switches provisioning on and off, audited with before/after', async () => {
        const on = await call('put', '/admin/settings', { enabled: true });
        expect(on.status).toBe(200);
        expect(on.body).toEqual({
          enabled: true,
          baseUrl: BASE_URL,
          maxTokenValidityDays: 730,
        });
        expect(asked).toEqual([MANAGE]);
        expect((await call('get', '/admin/settings')).body.enabled).toBe(true);
        expect(await services.settings.isEnabled()).toBe(true);

        const audit = await call('get', '/admin/audit');
        expect(audit.body.items).toEqual([
          {
            id: expect.any(String),
            actor: ADMIN,
            action: 'settings.updated',
            target: 'enabled',
            details: { before: { enabled: false }, after: { enabled: true } },
            createdAt: '2026-11-28T12:00:00.000Z',
          },
        ]);
      });

      it.each([[{}], [{ enabled: 'true' }], [{ enabled: null }], [[true]]])(
        'rejects %j with 400',
        async body => {
          const res = await call('put', '/admin/settings', body);
          expect(res.status).toBe(400);
          expect(res.body.error).toEqual({
            name: 'InputError',
            message: 'enabled must be true or false',
          });
          expect(await auditActions()).toEqual([]);
        },
      );

      it('rejects a body that is not JSON with 400', async () => {
        const res = await request(app)
          .put('/admin/settings')
          .set('Authorization', as())
          .set('Content-Type', 'application/json')
          .send('{"enabled":');
        expect(res.status).toBe(400);
      });
    });

    describe('tokens', () => {
      it('creates a token: 201 with the secret, shown this once', async () => {
        const res = await call('post', '/admin/tokens', {
          validityDays: 90,
          description: 'Entra prod',
        });
        expect(res.status).toBe(201);
        expect(res.body).toEqual({
          id: expect.any(String),
          token: expect.stringMatching(/^bscim_[A-Za-z0-9_-]{43}$/),
          expiresAt: '2027-02-26T12:00:00.000Z',
          description: 'Entra prod',
        });
        expect(asked).toEqual([MANAGE]);

        const list = await call('get', '/admin/tokens');
        expect(list.status).toBe(200);
        expect(list.body).toEqual({
          items: [
            {
              id: res.body.id,
              description: 'Entra prod',
              prefix: res.body.token.slice(0, 12),
              createdBy: ADMIN,
              createdAt: '2026-11-28T12:00:00.000Z',
              expiresAt: '2027-02-26T12:00:00.000Z',
            },
          ],
        });
        expect(list.text).not.toContain(res.body.token.slice(12));
        expect(list.text).not.toContain(sha256(res.body.token));
        expect(list.text).not.toMatch(/hash/i);
      });

      it('creates without a description', async () => {
        const res = await call('post', '/admin/tokens', { validityDays: 730 });
        expect(res.status).toBe(201);
        expect(res.body).toEqual({
          id: expect.any(String),
          token: expect.stringMatching(/^bscim_/),
          expiresAt: '2028-11-27T12:00:00.000Z',
        });
      });

      it.each([
        [{}, /^validityDays must be/],
        [{ validityDays: 0 }, /^validityDays must be/],
        [{ validityDays: -5 }, /^validityDays must be/],
        [{ validityDays: 2.5 }, /^validityDays must be/],
        [{ validityDays: 731 }, /^validityDays must be/],
        [{ validityDays: '90' }, /^validityDays must be/],
        [{ validityDays: 'ninety' }, /^validityDays must be/],
        [{ validityDays: null }, /^validityDays must be/],
        [{ validityDays: 30, description: 'x'.repeat(256) }, /^description /],
        [{ validityDays: 30, description: 7 }, /^description /],
      ])('rejects %j with 400', async (body, message) => {
        const res = await call('post', '/admin/tokens', body);
        expect(res.status).toBe(400);
        expect(res.body.error.name).toBe('InputError');
        expect(res.body.error.message).toMatch(message);
        expect(await db('scim_tokens').select()).toEqual([]);
        expect(await auditActions()).toEqual([]);
      });

      it('revokes a token at once: 204, then 401 on the SCIM endpoint; 404 for an unknown id', async () => {
        await services.settings.update({ enabled: true }, ADMIN);
        const scim = express()
          .use(createScimAuthMiddleware(services))
          .get('/Users', (_req, res) => {
            res.json({});
          })
          .use(scimErrorHandler(logger));
        const created = (
          await call('post', '/admin/tokens', { validityDays: 30 })
        ).body;
        const bearer = `Bearer ${created.token}`;
        await request(scim)
          .get('/Users')
          .set('Authorization', bearer)
          .expect(200);

        clock = new Date('2026-11-28T13:00:00.000Z');
        const res = await call('delete', `/admin/tokens/${created.id}`);
        expect(res.status).toBe(204);
        expect(res.text).toBe('');
        await request(scim)
          .get('/Users')
          .set('Authorization', bearer)
          .expect(401);

        const list = await call('get', '/admin/tokens');
        expect(list.body.items[0]).toMatchObject({
          id: created.id,
          revokedAt: '2026-11-28T13:00:00.000Z',
          lastUsedAt: '2026-11-28T12:00:00.000Z',
        });

        const missing = await call(
          'delete',
          '/admin/tokens/00000000-0000-0000-0000-000000000000',
        );
        expect(missing.status).toBe(404);
        expect(missing.body.error.name).toBe('NotFoundError');
      });

      it('never logs or audits the secret across create, use and revoke', async () => {
        await services.settings.update({ enabled: true }, ADMIN);
        const scim = express()
          .use(createScimAuthMiddleware(services))
          .get('/Users', (_req, res) => {
            res.json({});
          })
          .use(scimErrorHandler(logger));
        const created = (
          await call('post', '/admin/tokens', { validityDays: 30 })
        ).body;
        await request(scim)
          .get('/Users')
          .set('Authorization', `Bearer ${created.token}`)
          .expect(200);
        await call('delete', `/admin/tokens/${created.id}`);
        await request(scim)
          .get('/Users')
          .set('Authorization', `Bearer ${created.token}`)
          .expect(401);

        expect(logger.info).toHaveBeenCalled();
        const logged = JSON.stringify(
          [logger.info, logger.warn, logger.error, logger.debug].flatMap(
            fn => fn.mock.calls,
          ),
        );
        const audit = (await call('get', '/admin/audit')).text;
        for (const text of [logged, audit]) {
          expect(text).not.toContain(created.token.slice(12));
          expect(text).not.toContain(sha256(created.token));
        }
      });
    });

    describe('audit', () => {
      it('pages every admin action newest first', async () => {
        await call('put', '/admin/settings', { enabled: true });
        clock = new Date('2026-11-28T12:01:00.000Z');
        const created = (
          await call('post', '/admin/tokens', { validityDays: 30 })
        ).body;
        clock = new Date('2026-11-28T12:02:00.000Z');
        await call(
          'delete',
          `/admin/tokens/${created.id}`,
          undefined,
          mockCredentials.service.header(),
        );

        const first = await call('get', '/admin/audit?limit=2');
        expect(first.status).toBe(200);
        expect(first.body).toMatchObject({
          totalCount: 3,
          offset: 0,
          limit: 2,
        });
        expect(
          first.body.items.map((e: any) => [
            e.action,
            e.actor,
            e.target,
            e.createdAt,
          ]),
        ).toEqual([
          [
            'token.revoked',
            'service:external:test-service',
            created.id,
            '2026-11-28T12:02:00.000Z',
          ],
          ['token.created', ADMIN, created.id, '2026-11-28T12:01:00.000Z'],
        ]);
        const second = await call('get', '/admin/audit?offset=2&limit=2');
        expect(second.body).toMatchObject({
          totalCount: 3,
          offset: 2,
          limit: 2,
        });
        expect(second.body.items.map((e: any) => e.action)).toEqual([
          'settings.updated',
        ]);

        const all = await call('get', '/admin/audit');
        expect(all.body).toMatchObject({ totalCount: 3, offset: 0, limit: 50 });
      });

      it.each([
        'limit=0',
        'limit=201',
        'limit=1.5',
        'limit=x',
        'offset=-1',
        'offset=x',
        'offset=1&offset=2',
      ])('rejects paging %s with 400', async query => {
        const res = await call('get', `/admin/audit?${query}`);
        expect(res.status).toBe(400);
        expect(res.body.error.message).toMatch(/^(offset|limit) must be/);
      });
    });

    describe('access', () => {
      it.each(ROUTES)(
        'denies %s %s without %s: 403 and no change',
        async (method, path, permission, body) => {
          granted.delete(permission);
          const res = await call(method, path, body);
          expect(res.status).toBe(403);
          expect(res.body.error.name).toBe('NotAllowedError');
          expect(asked).toEqual([permission]);
          expect(await db('scim_tokens').select()).toEqual([]);
          expect(await db('scim_settings').select()).toEqual([]);
          expect(await auditActions()).toEqual([]);
        },
      );

      it.each(ROUTES)(
        'denies %s %s (needs %s) to everyone when the policy denies all',
        async (method, path, _permission, body) => {
          granted.clear();
          expect((await call(method, path, body)).status).toBe(403);
        },
      );

      it.each(ROUTES)(
        'refuses %s %s without Backstage credentials with 401',
        async (method, path, _permission, body) => {
          for (const authorization of [
            mockCredentials.none.header(),
            mockCredentials.user.invalidHeader(),
          ]) {
            const res = await call(method, path, body, authorization);
            expect(res.status).toBe(401);
          }
          expect(asked).toEqual([]);
        },
      );

      it('lets a reader read but not change', async () => {
        granted.delete(MANAGE);
        expect((await call('get', '/admin/settings')).status).toBe(200);
        expect((await call('get', '/admin/tokens')).status).toBe(200);
        expect((await call('get', '/admin/audit')).status).toBe(200);
        expect(
          (await call('put', '/admin/settings', { enabled: true })).status,
        ).toBe(403);
        expect(await services.settings.isEnabled()).toBe(false);
      });

      it('accepts service principals and audits them as service:<subject>', async () => {
        const res = await call(
          'put',
          '/admin/settings',
          { enabled: true },
          mockCredentials.service.header(),
        );
        expect(res.status).toBe(200);
        const audit = await call('get', '/admin/audit');
        expect(audit.body.items[0].actor).toBe('service:external:test-service');
      });
    });
  },
);
