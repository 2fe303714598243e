import { Knex } from 'knex';
import {
  createTestDatabases,
  initScimDatabase,
} from '../__testUtils__/testDatabases';
import { DatabaseAuditStore } from '../database/DatabaseAuditStore';
import { AuditLog } from './AuditLog';

jest.setTimeout(60_000);

const databases = createTestDatabases();

describe.each(databases.eachSupportedId())('AuditLog on %p', databaseId => {
  let db: Knex;

  beforeEach(async () => {
    db = await initScimDatabase(databases, databaseId);
  });

  it('stamps entries with its clock and lists them newest first', async () => {
    let clock = new Date('2026-11-28T12:00:00.000Z');
    const audit = new AuditLog(new DatabaseAuditStore(db), () => clock);
    await audit.record({
      actor: 'user:default/admin',
      action: 'token.created',
      target: 'id-1',
      details: { prefix: 'bscim_abcdef' },
    });
    clock = new Date('2026-11-28T12:05:00.000Z');
    await audit.record({ actor: 'service:ci', action: 'token.revoked' });

    const page = await audit.list(0, 10);
    expect(page.totalCount).toBe(2);
    expect(page.items.map(e => [e.actor, e.action, e.createdAt])).toEqual([
      ['service:ci', 'token.revoked', '2026-11-28T12:05:00.000Z'],
      ['user:default/admin', 'token.created', '2026-11-28T12:00:00.000Z'],
    ]);
    expect(page.items[1]).toMatchObject({
      target: 'id-1',
      details: { prefix: 'bscim_abcdef' },
    });
  });
});
