import { Knex } from 'knex';
import {
  createTestDatabases,
  initScimDatabase,
} from '../__testUtils__/testDatabases';
import { provisioningLogEntry as entry } from '../__testUtils__/provisioningLogEntry';
import { ProvisioningLogStore } from './ProvisioningLogStore';

jest.setTimeout(60_000);

const databases = createTestDatabases();

describe.each(databases.eachSupportedId())(
  'ProvisioningLogStore on %p',
  databaseId => {
    let db: Knex;
    let store: ProvisioningLogStore;

    beforeEach(async () => {
      db = await initScimDatabase(databases, databaseId);
      store = new ProvisioningLogStore(db);
    });

    it('stores entries with their bodies and lists them newest first without bodies', async () => {
      await store.insert([
        entry('2026-11-29T10:00:00.000Z', {
          resourceName: 'alice@example.com',
          externalId: 'ext-alice',
          resourceId: 'u-1',
          tokenId: 'tok-1',
          tokenPrefix: 'bscim_abcd',
          requestBody: '{"userName":"alice@example.com"}',
          responseBody: '{"id":"u-1"}',
        }),
        entry('2026-11-29T10:00:01.000Z', {
          status: 409,
          scimType: 'uniqueness',
          detail: 'userName taken',
        }),
      ]);

      const page = await store.list({}, { limit: 10 });
      expect(page.nextCursor).toBeUndefined();
      expect(page.items.map(i => i.time)).toEqual([
        '2026-11-29T10:00:01.000Z',
        '2026-11-29T10:00:00.000Z',
      ]);
      expect(page.items[0]).toEqual({
        id: expect.any(String),
        time: '2026-11-29T10:00:01.000Z',
        requestId: 'req-2026-11-29T10:00:01.000Z',
        method: 'POST',
        path: '/Users',
        resourceType: 'User',
        operation: 'create',
        status: 409,
        scimType: 'uniqueness',
        detail: 'userName taken',
        durationMs: 4,
      });
      expect(page.items[1]).not.toHaveProperty('requestBody');

      expect(await store.get(page.items[1].id)).toEqual({
        ...page.items[1],
        resourceId: 'u-1',
        resourceName: 'alice@example.com',
        externalId: 'ext-alice',
        tokenId: 'tok-1',
        tokenPrefix: 'bscim_abcd',
        requestBody: '{"userName":"alice@example.com"}',
        responseBody: '{"id":"u-1"}',
      });
      expect(await store.get('999999')).toBeUndefined();
      expect(await store.get('not-a-number')).toBeUndefined();
    });

    it('pages with a keyset cursor until the last page', async () => {
      await store.insert(
        Array.from({ length: 7 }, (_, i) =>
          entry(`2026-11-29T10:00:0${i}.000Z`),
        ),
      );
      const seen: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await store.list({}, { cursor, limit: 3 });
        seen.push(...page.items.map(i => i.time));
        cursor = page.nextCursor;
        pages += 1;
      } while (cursor);
      expect(pages).toBe(3);
      expect(seen).toEqual(
        Array.from({ length: 7 }, (_, i) => `2026-11-29T10:00:0${6 - i}.000Z`),
      );
    });

    it('filters by time, operation, resource type, status and free text', async () => {
      await store.insert([
        entry('2026-11-29T08:00:00.000Z', {
          operation: 'create',
          resourceName: 'Alice@Example.com',
        }),
        entry('2026-11-29T09:00:00.000Z', {
          operation: 'update',
          method: 'PATCH',
          resourceId: 'user-42',
          status: 404,
        }),
        entry('2026-11-29T10:00:00.000Z', {
          operation: 'list',
          method: 'GET',
          resourceType: 'Group',
          path: '/Groups?filter=displayName eq "100%_sales"',
          status: 200,
        }),
        entry('2026-11-29T11:00:00.000Z', {
          operation: 'test-connection',
          method: 'GET',
          externalId: 'EXT-7',
          status: 401,
        }),
      ]);
      const times = async (
        filter: Parameters<ProvisioningLogStore['list']>[0],
      ) =>
        (await store.list(filter, { limit: 10 })).items.map(i =>
          i.time.slice(11, 13),
        );

      expect(await times({ from: '2026-11-29T09:00:00.000Z' })).toEqual([
        '11',
        '10',
        '09',
      ]);
      expect(await times({ to: '2026-11-29T09:00:00.000Z' })).toEqual(['08']);
      expect(
        await times({
          from: '2026-11-29T09:00:00.000Z',
          to: '2026-11-29T11:00:00.000Z',
        }),
      ).toEqual(['10', '09']);
      expect(await times({ operations: ['update', 'create'] })).toEqual([
        '09',
        '08',
      ]);
      expect(await times({ resourceTypes: ['Group'] })).toEqual(['10']);
      expect(await times({ status: 'error' })).toEqual(['11', '09']);
      expect(await times({ status: 'success' })).toEqual(['10', '08']);
      expect(await times({ search: 'alice@example' })).toEqual(['08']);
      expect(await times({ search: 'USER-42' })).toEqual(['09']);
      expect(await times({ search: 'ext-7' })).toEqual(['11']);
      expect(await times({ search: 'req-2026-11-29T10' })).toEqual(['10']);
      // LIKE wildcards in the search text are literal.
      expect(await times({ search: '100%_s' })).toEqual(['10']);
      expect(await times({ search: '%' })).toEqual(['10']);
      expect(await times({ search: '_' })).toEqual(['10']);
      expect(
        await times({ status: 'error', operations: ['update'], search: '42' }),
      ).toEqual(['09']);
    });

    it('summarises requests and errors per hour, the last success and the error streak', async () => {
      const now = new Date('2026-11-29T12:30:00.000Z');
      expect(await store.summary({ now, hours: 2 })).toEqual({
        buckets: [
          { hour: '2026-11-29T11:00:00.000Z', requests: 0, errors: 0 },
          { hour: '2026-11-29T12:00:00.000Z', requests: 0, errors: 0 },
        ],
        errorStreak: 0,
      });

      await store.insert([
        entry('2026-11-29T09:59:00.000Z', { status: 500 }),
        entry('2026-11-29T10:10:00.000Z', { status: 201 }),
        entry('2026-11-29T10:20:00.000Z', { status: 400 }),
        entry('2026-11-29T12:05:00.000Z', { status: 200 }),
        entry('2026-11-29T12:06:00.000Z', { status: 401 }),
        entry('2026-11-29T12:07:00.000Z', { status: 503 }),
      ]);
      expect(await store.summary({ now, hours: 3 })).toEqual({
        buckets: [
          { hour: '2026-11-29T10:00:00.000Z', requests: 2, errors: 1 },
          { hour: '2026-11-29T11:00:00.000Z', requests: 0, errors: 0 },
          { hour: '2026-11-29T12:00:00.000Z', requests: 3, errors: 2 },
        ],
        lastSuccessAt: '2026-11-29T12:05:00.000Z',
        lastErrorAt: '2026-11-29T12:07:00.000Z',
        errorStreak: 2,
      });

      await store.insert([entry('2026-11-29T12:08:00.000Z', { status: 204 })]);
      expect((await store.summary({ now, hours: 1 })).errorStreak).toBe(0);
    });

    it('prunes by age, then keeps only the newest rows', async () => {
      await store.insert([
        entry('2026-11-01T00:00:00.000Z'),
        entry('2026-11-20T00:00:00.000Z'),
        entry('2026-11-27T00:00:00.000Z'),
        entry('2026-11-28T00:00:00.000Z'),
        entry('2026-11-29T00:00:00.000Z'),
      ]);
      const now = new Date('2026-11-29T12:00:00.000Z');
      const remaining = async () =>
        (await store.list({}, { limit: 10 })).items.map(i =>
          i.time.slice(0, 10),
        );

      expect(await store.prune({ now, retentionDays: 14, maxRows: 10 })).toBe(
        1,
      );
      expect(await remaining()).toEqual([
        '2026-11-29',
        '2026-11-28',
        '2026-11-27',
        '2026-11-20',
      ]);

      expect(await store.prune({ now, retentionDays: 14, maxRows: 2 })).toBe(2);
      expect(await remaining()).toEqual(['2026-11-29', '2026-11-28']);

      expect(await store.prune({ now, retentionDays: 14, maxRows: 2 })).toBe(0);
    });

    it('writes batches larger than one statement', async () => {
      await store.insert(
        Array.from({ length: 600 }, (_, i) =>
          entry(new Date(Date.UTC(2026, 10, 29, 0, 0, i)).toISOString()),
        ),
      );
      const [{ count }] = await db('scim_provisioning_log').count({
        count: '*',
      });
      expect(Number(count)).toBe(600);
    });
  },
);
