import { isDatabaseConflictError } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import {
  createTestDatabases,
  initScimDatabase,
} from '../__testUtils__/testDatabases';
import { DatabaseTokenStore } from './DatabaseTokenStore';

jest.setTimeout(60_000);

const databases = createTestDatabases();

const record = (id: string, hashChar: string, createdAt: string) => ({
  id,
  tokenHash: hashChar.repeat(64),
  prefix: `bscim_${id.slice(0, 6)}`,
  description: id === 'a' ? 'Entra prod' : undefined,
  createdBy: 'user:default/admin',
  createdAt,
  expiresAt: '2027-01-01T00:00:00.000Z',
});

describe.each(databases.eachSupportedId())(
  'DatabaseTokenStore on %p',
  databaseId => {
    let db: Knex;
    let store: DatabaseTokenStore;

    beforeEach(async () => {
      db = await initScimDatabase(databases, databaseId);
      store = new DatabaseTokenStore(db);
    });

    it('finds tokens by hash and id, and lists them newest first', async () => {
      await store.insert(record('a', 'a', '2026-11-28T12:00:00.000Z'));
      await store.insert(record('b', 'b', '2026-11-29T12:00:00.000Z'));

      expect(await store.findByHash('a'.repeat(64))).toEqual({
        id: 'a',
        tokenHash: 'a'.repeat(64),
        prefix: 'bscim_a',
        description: 'Entra prod',
        createdBy: 'user:default/admin',
        createdAt: '2026-11-28T12:00:00.000Z',
        expiresAt: '2027-01-01T00:00:00.000Z',
        lastUsedAt: undefined,
        revokedAt: undefined,
      });
      expect((await store.findById('b'))?.tokenHash).toBe('b'.repeat(64));
      expect(await store.findByHash('c'.repeat(64))).toBeUndefined();
      expect(await store.findById('c')).toBeUndefined();
      expect((await store.list()).map(t => t.id)).toEqual(['b', 'a']);
    });

    it('refuses a second token with the same hash', async () => {
      await store.insert(record('a', 'a', '2026-11-28T12:00:00.000Z'));
      const error = await store
        .insert(record('b', 'a', '2026-11-28T12:00:00.000Z'))
        .then(
          () => undefined,
          e => e,
        );
      expect(isDatabaseConflictError(error)).toBe(true);
      expect((await store.list()).map(t => t.id)).toEqual(['a']);
    });

    it('revokes once and records the use time', async () => {
      await store.insert(record('a', 'a', '2026-11-28T12:00:00.000Z'));
      expect(
        await store.revoke('a', '2026-11-30T00:00:00.000Z', 'user:default/x'),
      ).toBe(true);
      expect(
        await store.revoke('a', '2026-12-01T00:00:00.000Z', 'user:default/y'),
      ).toBe(false);
      expect(
        await store.revoke('zz', '2026-12-01T00:00:00.000Z', 'user:default/y'),
      ).toBe(false);
      await store.touch('a', '2026-11-29T00:00:00.000Z');

      const row = await db('scim_tokens').where({ id: 'a' }).first();
      expect(row).toMatchObject({
        revoked_at: '2026-11-30T00:00:00.000Z',
        revoked_by: 'user:default/x',
        last_used_at: '2026-11-29T00:00:00.000Z',
      });
      expect(await store.findById('a')).toMatchObject({
        revokedAt: '2026-11-30T00:00:00.000Z',
        lastUsedAt: '2026-11-29T00:00:00.000Z',
      });
    });
  },
);
