import { Knex } from 'knex';
import {
  createTestDatabases,
  initScimDatabase,
} from '../__testUtils__/testDatabases';
import { DatabaseAuditStore } from './DatabaseAuditStore';

jest.setTimeout(60_000);

const databases = createTestDatabases();

describe.each(databases.eachSupportedId())(
  'DatabaseAuditStore on %p',
  databaseId => {
    let db: Knex;
    let store: DatabaseAuditStore;

    beforeEach(async () => {
      db = await initScimDatabase(databases, databaseId);
      store = new DatabaseAuditStore(db);
    });

    it('starts empty', async () => {
      expect(await store.list(0, 10)).toEqual({
        items: [],
        totalCount: 0,
        offset: 0,
        limit: 10,
      });
    });

    it('pages entries newest first, with details as JSON', async () => {
      for (let i = 0; i < 5; i++) {
        await store.append({
          actor: `user:default/u${i}`,
          action: i === 0 ? 'token.created' : 'settings.updated',
          target: i === 0 ? undefined : 'enabled',
          details:
            i === 0 ? undefined : { before: { n: i - 1 }, after: { n: i } },
          // The same millisecond for all: insertion order still decides.
          createdAt: '2026-11-28T12:00:00.000Z',
        });
      }
      const first = await store.list(0, 2);
      expect(first.totalCount).toBe(5);
      expect(first.offset).toBe(0);
      expect(first.limit).toBe(2);
      expect(first.items).toEqual([
        {
          id: expect.any(String),
          actor: 'user:default/u4',
          action: 'settings.updated',
          target: 'enabled',
          details: { before: { n: 3 }, after: { n: 4 } },
          createdAt: '2026-11-28T12:00:00.000Z',
        },
        expect.objectContaining({ actor: 'user:default/u3' }),
      ]);

      const last = await store.list(4, 2);
      expect(last.items).toEqual([
        {
          id: expect.any(String),
          actor: 'user:default/u0',
          action: 'token.created',
          target: undefined,
          details: undefined,
          createdAt: '2026-11-28T12:00:00.000Z',
        },
      ]);
      expect((await store.list(5, 2)).items).toEqual([]);
    });
  },
);
