import {
  mockCredentials,
  mockErrorHandler,
  mockServices,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import express from 'express';
import request from 'supertest';
import {
  createTestDatabases,
  initScimDatabase,
} from '../__testUtils__/testDatabases';
import { provisioningLogEntry as entry } from '../__testUtils__/provisioningLogEntry';
import { ProvisioningLogStore } from '../logs/ProvisioningLogStore';
import { createLogsAdminRouter } from './logsAdminRouter';

jest.setTimeout(60_000);

const databases = createTestDatabases();

describe.each(databases.eachSupportedId())(
  'createLogsAdminRouter on %p',
  databaseId => {
    let store: ProvisioningLogStore;
    let granted: boolean;
    let asked: string[];
    let app: express.Express;

    beforeEach(async () => {
      store = new ProvisioningLogStore(
        await initScimDatabase(databases, databaseId),
      );
      await store.insert([
        entry('2026-11-29T10:05:00.000Z', {
          resourceName: 'alice@example.com',
          requestBody: '{"userName":"alice@example.com"}',
        }),
        entry('2026-11-29T11:05:00.000Z', {
          operation: 'disable',
          method: 'PATCH',
          status: 404,
          detail: 'User x not found',
        }),
        entry('2026-11-29T11:10:00.000Z', {
          operation: 'test-connection',
          method: 'GET',
          status: 200,
        }),
      ]);
      granted = true;
      asked = [];
      const permissions = mockServices.permissions.mock({
        authorize: async requests =>
          requests.map(({ permission }) => {
            asked.push(permission.name);
            return {
              result: granted ? AuthorizeResult.ALLOW : AuthorizeResult.DENY,
            };
          }) as any,
      });
      app = express()
        .use(
          '/admin/logs',
          createLogsAdminRouter({
            store,
            httpAuth: mockServices.httpAuth(),
            permissions,
            now: () => new Date('2026-11-29T11:30:00.000Z'),
          }),
        )
        .use(mockErrorHandler());
    });

    const get = (path: string) =>
      request(app)
        .get(path)
        .set('Authorization', mockCredentials.user.header());

    it('lists, filters and pages newest first', async () => {
      const all = await get('/admin/logs').expect(200);
      expect(all.body.items.map((i: any) => i.operation)).toEqual([
        'test-connection',
        'disable',
        'create',
      ]);
      expect(all.body.nextCursor).toBeUndefined();
      expect(asked).toEqual(['scim.settings.read']);

      const errors = await get(
        '/admin/logs?status=error&operation=disable,create&resourceType=User&from=2026-11-29T11:00:00Z&to=2026-11-29T12:00:00Z',
      ).expect(200);
      expect(errors.body.items).toEqual([
        expect.objectContaining({ status: 404, detail: 'User x not found' }),
      ]);

      const search = await get('/admin/logs?search=ALICE').expect(200);
      expect(search.body.items.map((i: any) => i.resourceName)).toEqual([
        'alice@example.com',
      ]);

      const first = await get('/admin/logs?limit=2').expect(200);
      expect(first.body.items).toHaveLength(2);
      const second = await get(
        `/admin/logs?limit=2&cursor=${first.body.nextCursor}`,
      ).expect(200);
      expect(second.body).toEqual({
        items: [expect.objectContaining({ operation: 'create' })],
      });
    });

    it('returns one entry with its bodies, or 404', async () => {
      const {
        body: { items },
      } = await get('/admin/logs?operation=create').expect(200);
      const detail = await get(`/admin/logs/${items[0].id}`).expect(200);
      expect(detail.body).toMatchObject({
        resourceName: 'alice@example.com',
        requestBody: '{"userName":"alice@example.com"}',
      });
      const missing = await get('/admin/logs/424242').expect(404);
      expect(missing.body.error.message).toMatch(/424242 not found/);
    });

    it('summarises the last hours', async () => {
      const res = await get('/admin/logs/summary?hours=2').expect(200);
      expect(res.body).toEqual({
        buckets: [
          { hour: '2026-11-29T10:00:00.000Z', requests: 1, errors: 0 },
          { hour: '2026-11-29T11:00:00.000Z', requests: 2, errors: 1 },
        ],
        lastSuccessAt: '2026-11-29T11:10:00.000Z',
        lastErrorAt: '2026-11-29T11:05:00.000Z',
        errorStreak: 0,
      });
    });

    it.each([
      ['/admin/logs?from=yesterday', 'from'],
      ['/admin/logs?to=2026-13-45', 'to'],
      ['/admin/logs?operation=create,explode', 'operation'],
      ['/admin/logs?resourceType=Robot', 'resourceType'],
      ['/admin/logs?status=failed', 'status'],
      ['/admin/logs?limit=0', 'limit'],
      ['/admin/logs?limit=201', 'limit'],
      ['/admin/logs?cursor=abc', 'cursor'],
      ['/admin/logs?search=a&search=b', 'search'],
      [`/admin/logs?search=${'x'.repeat(201)}`, 'search'],
      ['/admin/logs/summary?hours=0', 'hours'],
      ['/admin/logs/summary?hours=1.5', 'hours'],
    ])('answers 400 naming the parameter for %s', async (path, name) => {
      const res = await get(path).expect(400);
      expect(res.body.error.name).toBe('InputError');
      expect(res.body.error.message).toMatch(new RegExp(`^${name} `));
    });

    it.each(['/admin/logs', '/admin/logs/summary', '/admin/logs/1'])(
      'answers 403 on %s without the read permission',
      async path => {
        granted = false;
        const res = await get(path).expect(403);
        expect(res.body.error.message).toMatch(/scim\.settings\.read/);
      },
    );

    it('answers 401 without credentials', async () => {
      await request(app)
        .get('/admin/logs')
        .set('Authorization', mockCredentials.none.header())
        .expect(401);
    });
  },
);
