import { mockServices } from '@backstage/backend-test-utils';
import {
  ProvisioningLogDetail,
  SCIM_SCHEMAS,
} from '@internal/backstage-plugin-scim-common';
import express from 'express';
import { Knex } from 'knex';
import request from 'supertest';
import {
  createTestDatabases,
  initScimDatabase,
} from '../__testUtils__/testDatabases';
import { createAdminServices } from '../service/createAdminServices';
import { createScimAuthMiddleware } from '../service/scimAuth';
import { createScimRouter } from '../service/scimRouter';
import {
  createProvisioningLog,
  ProvisioningLog,
} from './createProvisioningLog';
import { DEFAULT_PROVISIONING_LOG_CONFIG } from './readProvisioningLogConfig';
import { REDACTED } from './redactBody';

jest.setTimeout(60_000);

const BASE = 'https://backstage.example.com/api/scim/v2';
const ADMIN = 'user:default/admin';
const TEST_CONNECTION_GUID = '8bd8e0e2-0c1d-4a3e-9f7b-2a6c5d4e3f21';
const SCIM_CONFIG = {
  maxResults: 100,
  maxBodySize: '100kb',
  maxTokenValidityDays: 730,
};
const databases = createTestDatabases();

const entraUser = (userName: string) => ({
  schemas: [SCIM_SCHEMAS.user],
  externalId: `ext-${userName}`,
  userName,
  active: true,
  name: { givenName: 'Given', familyName: 'Family' },
});
const patchOp = (...Operations: unknown[]) => ({
  schemas: [SCIM_SCHEMAS.patchOp],
  Operations,
});

describe.each(databases.eachSupportedId())(
  'recording SCIM requests on %p',
  databaseId => {
    let db: Knex;
    let logger: ReturnType<typeof mockServices.logger.mock>;
    let log: ProvisioningLog;
    let app: express.Express;
    let token: string;
    let tokenId: string;

    const setUp = async (logConfig = DEFAULT_PROVISIONING_LOG_CONFIG) => {
      log = createProvisioningLog({ db, config: logConfig, logger });
      const admin = createAdminServices({
        db,
        config: SCIM_CONFIG,
        baseUrl: BASE,
        logger,
      });
      await admin.settings.update({ enabled: true }, ADMIN);
      const created = await admin.tokens.create({
        validityDays: 30,
        actor: ADMIN,
      });
      token = created.token;
      tokenId = created.id;
      app = express().use(
        '/v2',
        createScimRouter({
          db,
          config: SCIM_CONFIG,
          logger,
          authenticate: createScimAuthMiddleware(admin),
          recordLog: log.middleware,
          baseUrl: BASE,
        }),
      );
    };

    beforeEach(async () => {
      db = await initScimDatabase(databases, databaseId);
      logger = mockServices.logger.mock();
      await setUp();
    });

    const scim = () => {
      const agent = request(app);
      const auth = (test: request.Test) =>
        test.set('Authorization', `Bearer ${token}`);
      return {
        get: (path: string) => auth(agent.get(`/v2${path}`)),
        post: (path: string, body: object) =>
          auth(agent.post(`/v2${path}`)).send(body),
        put: (path: string, body: object) =>
          auth(agent.put(`/v2${path}`)).send(body),
        patch: (path: string, body: object) =>
          auth(agent.patch(`/v2${path}`)).send(body),
        delete: (path: string) => auth(agent.delete(`/v2${path}`)),
      };
    };

    /** Every recorded entry with its bodies, oldest first. */
    const recorded = async (): Promise<ProvisioningLogDetail[]> => {
      await log.recorder.flush();
      const page = await log.store.list({}, { limit: 200 });
      const details = await Promise.all(
        page.items.map(item => log.store.get(item.id)),
      );
      return details.reverse() as ProvisioningLogDetail[];
    };

    it('records every kind of operation with its resource, status and token', async () => {
      const client = scim();
      await client
        .get(`/Users?filter=userName eq "${TEST_CONNECTION_GUID}"`)
        .expect(200);
      const created = await client
        .post('/Users', entraUser('alice@example.com'))
        .expect(201);
      const id = created.body.id;
      await client.get(`/Users/${id}`).expect(200);
      await client
        .get('/Users?filter=userName eq "alice@example.com"')
        .expect(200);
      await client
        .patch(
          `/Users/${id}`,
          patchOp({ op: 'Replace', path: 'displayName', value: 'Alice' }),
        )
        .expect(200);
      await client
        .patch(
          `/Users/${id}`,
          patchOp({ op: 'Replace', path: 'active', value: 'False' }),
        )
        .expect(200);
      await client
        .put(`/Users/${id}`, {
          ...entraUser('alice@example.com'),
          active: false,
        })
        .expect(200);
      await client.post('/Users', entraUser('alice@example.com')).expect(409);
      await client.delete(`/Users/${id}`).expect(204);
      await client
        .post('/Groups', {
          schemas: [SCIM_SCHEMAS.group],
          displayName: 'Engineering',
          externalId: 'ext-eng',
        })
        .expect(201);
      await client.get('/ServiceProviderConfig').expect(200);
      await request(app).get('/v2/Users').expect(401);

      const entries = await recorded();
      expect(
        entries.map(e => [
          e.method,
          e.operation,
          e.resourceType,
          e.status,
          e.resourceName,
        ]),
      ).toEqual([
        ['GET', 'test-connection', 'User', 200, TEST_CONNECTION_GUID],
        ['POST', 'create', 'User', 201, 'alice@example.com'],
        ['GET', 'read', 'User', 200, 'alice@example.com'],
        ['GET', 'list', 'User', 200, 'alice@example.com'],
        ['PATCH', 'update', 'User', 200, 'alice@example.com'],
        ['PATCH', 'disable', 'User', 200, 'alice@example.com'],
        ['PUT', 'disable', 'User', 200, 'alice@example.com'],
        ['POST', 'create', 'User', 409, 'alice@example.com'],
        ['DELETE', 'delete', 'User', 204, undefined],
        ['POST', 'create', 'Group', 201, 'Engineering'],
        ['GET', 'discovery', 'Discovery', 200, undefined],
        ['GET', 'list', 'User', 401, undefined],
      ]);

      const [testConnection, create, read] = entries;
      expect(testConnection.path).toBe(
        `/Users?filter=userName eq "${TEST_CONNECTION_GUID}"`,
      );
      expect(create).toMatchObject({
        resourceId: id,
        externalId: 'ext-alice@example.com',
        tokenId,
        tokenPrefix: token.slice(0, create.tokenPrefix!.length),
        durationMs: expect.any(Number),
        requestId: expect.any(String),
      });
      expect(JSON.parse(create.requestBody!)).toEqual(
        entraUser('alice@example.com'),
      );
      expect(JSON.parse(create.responseBody!).id).toBe(id);
      expect(read.resourceId).toBe(id);
      expect(read.requestBody).toBeUndefined();
      expect(entries[8].resourceId).toBe(id);

      const conflict = entries[7];
      expect(conflict.scimType).toBe('uniqueness');
      expect(conflict.detail).toEqual(expect.any(String));

      const rejected = entries[11];
      expect(rejected.tokenId).toBeUndefined();
      expect(rejected.detail).toMatch(/Authorization header/);
    });

    it('never stores the bearer token, and redacts secrets in bodies', async () => {
      await scim()
        .post('/Users', {
          ...entraUser('bob@example.com'),
          password: 'P@ssw0rd!',
          title: `pasted ${token} by mistake`,
        })
        .expect(201);
      const created = (await recorded())[0];
      const body = JSON.parse(created.requestBody!);
      expect(body.password).toBe(REDACTED);
      expect(body.title).toBe(`pasted ${REDACTED} by mistake`);

      // A wrong token that looks like ours is not stored either.
      const wrong = `bscim_${'x'.repeat(43)}`;
      await request(app)
        .get('/v2/Users')
        .set('Authorization', `Bearer ${wrong}`)
        .expect(401);

      await log.recorder.flush();
      const everything = JSON.stringify(
        await db('scim_provisioning_log').select('*'),
      );
      expect(everything).toContain('bob@example.com');
      expect(everything).not.toContain(token);
      expect(everything).not.toContain(wrong);
      expect(everything).not.toContain('P@ssw0rd!');
    });

    it('truncates kept bodies and can keep none', async () => {
      await setUp({ ...DEFAULT_PROVISIONING_LOG_CONFIG, maxBodyBytes: 64 });
      await scim()
        .post('/Users', {
          ...entraUser('carol@example.com'),
          title: 'x'.repeat(500),
        })
        .expect(201);
      const [truncated] = await recorded();
      expect(
        Buffer.byteLength(truncated.requestBody!.split('…')[0]),
      ).toBeLessThanOrEqual(64);
      expect(truncated.requestBody).toMatch(/…\[truncated \d+ bytes\]$/);

      await db('scim_provisioning_log').delete();
      await setUp({ ...DEFAULT_PROVISIONING_LOG_CONFIG, keepBodies: false });
      await scim().post('/Users', entraUser('dave@example.com')).expect(201);
      const [bare] = await recorded();
      expect(bare.resourceName).toBe('dave@example.com');
      expect(bare.requestBody).toBeUndefined();
      expect(bare.responseBody).toBeUndefined();
    });

    it('records nothing when disabled', async () => {
      await setUp({ ...DEFAULT_PROVISIONING_LOG_CONFIG, enabled: false });
      await scim().post('/Users', entraUser('erin@example.com')).expect(201);
      expect(await recorded()).toEqual([]);
    });

    it('keeps SCIM working when the log cannot be written', async () => {
      await db.schema.dropTable('scim_provisioning_log');
      await scim().post('/Users', entraUser('frank@example.com')).expect(201);
      await scim()
        .get('/Users?filter=userName eq "frank@example.com"')
        .expect(200);
      await log.recorder.flush();
      expect(logger.warn).toHaveBeenCalledWith(
        expect.stringMatching(/^2 provisioning log entries were lost/),
      );
      const [{ count }] = await db('scim_users').count({ count: '*' });
      expect(Number(count)).toBe(1);
    });
  },
);
