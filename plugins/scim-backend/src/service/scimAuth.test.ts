import { mockServices } from '@backstage/backend-test-utils';
import { SCIM_SCHEMAS } from '@internal/backstage-plugin-scim-common';
import express from 'express';
import { Knex } from 'knex';
import request from 'supertest';
import {
  createTestDatabases,
  initScimDatabase,
} from '../__testUtils__/testDatabases';
import { AdminServices, createAdminServices } from './createAdminServices';
import { createScimAuthMiddleware } from './scimAuth';
import { scimErrorHandler } from './scimErrorHandler';

jest.setTimeout(60_000);

const DAY = 24 * 60 * 60 * 1000;
const ADMIN = 'user:default/admin';
const databases = createTestDatabases();

/** The middleware in front of a stand-in SCIM route, with the SCIM error handler. */
function scimApp(
  services: Parameters<typeof createScimAuthMiddleware>[0],
  logger = mockServices.logger.mock(),
) {
  const app = express();
  app.use(createScimAuthMiddleware(services));
  app.get('/Users', (_req, res) => {
    res.json({ scimToken: res.locals.scimToken });
  });
  app.use(scimErrorHandler(logger));
  return app;
}

function expectScimError(res: request.Response, status: number) {
  expect(res.status).toBe(status);
  expect(res.headers['content-type']).toContain('application/scim+json');
  expect(res.body).toEqual({
    schemas: [SCIM_SCHEMAS.error],
    status: String(status),
    detail: expect.any(String),
  });
  return res.body.detail as string;
}

describe.each(databases.eachSupportedId())(
  'createScimAuthMiddleware on %p',
  databaseId => {
    let db: Knex;
    let clock: Date;
    let services: AdminServices;
    let app: express.Express;

    beforeEach(async () => {
      db = await initScimDatabase(databases, databaseId);
      clock = new Date('2026-11-28T12:00:00.000Z');
      services = createAdminServices({
        db,
        config: {
          maxResults: 200,
          maxBodySize: '5mb',
          maxTokenValidityDays: 730,
        },
        baseUrl: 'https://backstage.example.com/api/scim/v2',
        logger: mockServices.logger.mock(),
        now: () => clock,
      });
      app = scimApp(services);
    });

    const enable = () => services.settings.update({ enabled: true }, ADMIN);
    const get = (authorization?: string) => {
      const req = request(app).get('/Users');
      return authorization ? req.set('Authorization', authorization) : req;
    };

    it('lets a valid token through and tells the route which token it was', async () => {
      await enable();
      const created = await services.tokens.create({
        validityDays: 30,
        actor: ADMIN,
      });
      const res = await get(`Bearer ${created.token}`).expect(200);
      expect(res.body).toEqual({
        scimToken: { id: created.id, prefix: created.token.slice(0, 12) },
      });
      // The scheme is case-insensitive (RFC 9110 §11.1).
      await get(`bearer ${created.token}`).expect(200);
    });

    it.each([
      ['no header', undefined, /Authorization header .* is required/],
      ['the Basic scheme', 'Basic dXNlcjpwYXNz', /must use the Bearer scheme/],
      ['a bare token', `bscim_${'A'.repeat(43)}`, /must use the Bearer scheme/],
      [
        'Bearer without a token',
        'Bearer',
        /malformed: expected "Bearer <token>"/,
      ],
      [
        'Bearer with two tokens',
        'Bearer abc def',
        /malformed: expected "Bearer <token>"/,
      ],
      ['a non-SCIM token', 'Bearer abc.def.ghi', /not a Backstage SCIM token/],
      [
        'an unknown token',
        `Bearer bscim_${'x'.repeat(43)}`,
        /^The bearer token is not valid$/,
      ],
    ])(
      'refuses %s with 401 and WWW-Authenticate: Bearer',
      async (_, header, detail) => {
        await enable();
        const res = await get(header);
        expect(expectScimError(res, 401)).toMatch(detail);
        expect(res.headers['www-authenticate']).toBe('Bearer');
      },
    );

    it.each([
      ['Basic dXNlcjpwYXNz', 'dXNlcjpwYXNz'],
      [`bscim_${'A'.repeat(43)}`, `bscim_${'A'.repeat(43)}`],
      ['Bearer abc.def.ghi', 'abc.def.ghi'],
      [`Bearer bscim_${'x'.repeat(43)}`, `bscim_${'x'.repeat(43)}`],
      ['Bearer secret1 secret2', 'secret1'],
    ])('does not echo the credentials of %s', async (header, secret) => {
      const res = await get(header);
      expect(res.status).toBe(401);
      expect(res.text).not.toContain(secret);
    });

    it('refuses an expired token with 401', async () => {
      await enable();
      const created = await services.tokens.create({
        validityDays: 1,
        actor: ADMIN,
      });
      await get(`Bearer ${created.token}`).expect(200);
      clock = new Date(clock.getTime() + DAY);
      const res = await get(`Bearer ${created.token}`);
      expect(expectScimError(res, 401)).toMatch(/has expired/);
      expect(res.headers['www-authenticate']).toBe('Bearer');
      expect(res.text).not.toContain(created.token);
    });

    it('refuses a revoked token with 401 on the very next request', async () => {
      await enable();
      const created = await services.tokens.create({
        validityDays: 30,
        actor: ADMIN,
      });
      await get(`Bearer ${created.token}`).expect(200);
      await services.tokens.revoke(created.id, ADMIN);
      const res = await get(`Bearer ${created.token}`);
      expect(expectScimError(res, 401)).toMatch(/has been revoked/);
      expect(res.headers['www-authenticate']).toBe('Bearer');
    });

    it('answers a valid token with 403 while provisioning is disabled, and follows the switch at once', async () => {
      const created = await services.tokens.create({
        validityDays: 30,
        actor: ADMIN,
      });
      const res = await get(`Bearer ${created.token}`);
      expect(expectScimError(res, 403)).toMatch(
        /^SCIM provisioning is disabled in Backstage/,
      );
      expect(res.headers['www-authenticate']).toBeUndefined();
      await enable();
      await get(`Bearer ${created.token}`).expect(200);
      await services.settings.update({ enabled: false }, ADMIN);
      expectScimError(await get(`Bearer ${created.token}`), 403);
    });

    it('checks the token before the switch, so strangers learn nothing about it', async () => {
      expectScimError(await get(), 401);
      expectScimError(await get(`Bearer bscim_${'x'.repeat(43)}`), 401);
    });
  },
);

describe('createScimAuthMiddleware without a database', () => {
  it('passes unexpected failures on as a SCIM 500 without details', async () => {
    const logger = mockServices.logger.mock();
    const app = scimApp(
      {
        tokens: {
          verify: async () => {
            throw new Error('connection refused');
          },
        },
        settings: { isEnabled: async () => true },
      },
      logger,
    );
    const res = await request(app)
      .get('/Users')
      .set('Authorization', `Bearer bscim_${'A'.repeat(43)}`);
    expect(expectScimError(res, 500)).toBe('Internal server error');
    expect(logger.error).toHaveBeenCalled();
  });

  it('does not ask for the switch when the token is refused', async () => {
    const isEnabled = jest.fn(async () => false);
    const app = scimApp({
      tokens: { verify: async () => ({ ok: false, reason: 'unknown' }) },
      settings: { isEnabled },
    });
    await request(app)
      .get('/Users')
      .set('Authorization', `Bearer bscim_${'A'.repeat(43)}`)
      .expect(401);
    expect(isEnabled).not.toHaveBeenCalled();
  });
});
