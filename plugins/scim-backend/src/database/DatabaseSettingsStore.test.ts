import { Knex } from 'knex';
import {
  createTestDatabases,
  initScimDatabase,
} from '../__testUtils__/testDatabases';
import { DatabaseSettingsStore } from './DatabaseSettingsStore';

jest.setTimeout(60_000);

const databases = createTestDatabases();

describe.each(databases.eachSupportedId())(
  'DatabaseSettingsStore on %p',
  databaseId => {
    let db: Knex;
    let store: DatabaseSettingsStore;

    beforeEach(async () => {
      db = await initScimDatabase(databases, databaseId);
      store = new DatabaseSettingsStore(db);
    });

    it('returns undefined for a key never set', async () => {
      expect(await store.get('enabled')).toBeUndefined();
    });

    it('stores JSON values and overwrites them with who and when', async () => {
      await store.set(
        'enabled',
        true,
        'user:default/a',
        '2026-11-28T12:00:00.000Z',
      );
      await store.set(
        'other',
        { nested: [1, 'two'] },
        'user:default/a',
        '2026-11-28T12:00:00.000Z',
      );
      expect(await store.get('enabled')).toBe(true);
      expect(await store.get('other')).toEqual({ nested: [1, 'two'] });

      await store.set(
        'enabled',
        false,
        'user:default/b',
        '2026-11-29T08:00:00.000Z',
      );
      expect(await store.get('enabled')).toBe(false);
      expect(await db('scim_settings').where({ key: 'enabled' })).toEqual([
        {
          key: 'enabled',
          value: 'false',
          updated_by: 'user:default/b',
          updated_at: '2026-11-29T08:00:00.000Z',
        },
      ]);
    });
  },
);
