import { Knex } from 'knex';
import {
  createTestDatabases,
  initScimDatabase,
} from '../__testUtils__/testDatabases';
import { SqlReader } from './SqlReader';
import { ScimUserStore } from './ScimUserStore';

jest.setTimeout(60_000);

const databases = createTestDatabases();

describe.each(databases.eachSupportedId())('SqlReader on %p', databaseId => {
  let db: Knex;
  let users: ScimUserStore;

  beforeEach(async () => {
    db = await initScimDatabase(databases, databaseId);
    users = new ScimUserStore(db);
  });

  const byUserName = (reader: SqlReader, userName: string) =>
    reader.all<{ id: string }>(
      'SELECT id FROM scim_users WHERE user_name_norm = ?',
      [userName],
    );

  it('runs the same SQL with new bindings each time', async () => {
    const alice = await users.create({ userName: 'alice' });
    const bob = await users.create({ userName: 'bob' });
    const reader = SqlReader.of(db);
    expect(await byUserName(reader, 'alice')).toEqual([{ id: alice.id }]);
    expect(await byUserName(reader, 'bob')).toEqual([{ id: bob.id }]);
    expect(await byUserName(reader, 'carol')).toEqual([]);
  });

  it('is shared per database', () => {
    expect(SqlReader.of(db)).toBe(SqlReader.of(db));
  });

  it('binds booleans and nulls as knex would', async () => {
    await users.create({ userName: 'on', active: true });
    await users.create({ userName: 'off', active: false });
    const rows = await SqlReader.of(db).all<{ user_name: string }>(
      'SELECT user_name FROM scim_users WHERE active = ? AND external_id IS NOT DISTINCT FROM ?',
      [false, null],
    );
    expect(rows).toEqual([{ user_name: 'off' }]);
  });

  it('keeps answering correctly past its statement cache size', async () => {
    const alice = await users.create({ userName: 'alice' });
    const reader = SqlReader.of(db);
    for (let i = 0; i < 300; i++) {
      // Distinct SQL text each time: a new statement, evicting the oldest.
      const rows = await reader.all<{ id: string; n: number | string }>(
        `SELECT id, ${i} AS n FROM scim_users WHERE user_name_norm = ?`,
        ['alice'],
      );
      expect(rows.map(row => [row.id, Number(row.n)])).toEqual([
        [alice.id, i],
      ]);
    }
    expect(await byUserName(reader, 'alice')).toEqual([{ id: alice.id }]);
  });

  it('does not read what a running write transaction has not committed', async () => {
    const reader = SqlReader.of(db);
    let commit!: () => void;
    const committed = new Promise<void>(resolve => {
      commit = resolve;
    });
    let inserted!: () => void;
    const insertDone = new Promise<void>(resolve => {
      inserted = resolve;
    });
    const writer = db.transaction(async trx => {
      await trx('scim_users').insert({
        id: 'u1',
        user_name: 'dave',
        user_name_norm: 'dave',
        active: true,
        data: '{}',
        version: 1,
        created_at: '2026-01-01T00:00:00.000Z',
        updated_at: '2026-01-01T00:00:00.000Z',
      });
      inserted();
      await committed;
    });
    await insertDone;
    const read = byUserName(reader, 'dave');
    // SQLite has one connection, so the read waits for the transaction;
    // PostgreSQL reads the last committed state at once.
    const waits = databaseId === 'SQLITE_3';
    const early = await Promise.race([
      read,
      new Promise(resolve => setTimeout(() => resolve('waiting'), 200)),
    ]);
    expect(early).toEqual(waits ? 'waiting' : []);
    commit();
    await writer;
    expect(await read).toEqual(waits ? [{ id: 'u1' }] : []);
    expect(await byUserName(reader, 'dave')).toEqual([{ id: 'u1' }]);
  });
});
