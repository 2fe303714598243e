import { mockServices } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import { DatabaseAuditStore } from '../database/DatabaseAuditStore';
import { DatabaseTokenStore } from '../database/DatabaseTokenStore';
import { migrateScimDatabase } from '../database/migrateScimDatabase';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { TokenService } from './TokenService';

jest.setTimeout(60_000);

const DAY = 24 * 60 * 60 * 1000;
const databases = createTestDatabases();

describe.each(databases.eachSupportedId())('TokenService on %p', databaseId => {
  let db: Knex;
  let clock: Date;
  let logger: ReturnType<typeof mockServices.logger.mock>;
  let service: TokenService;

  beforeEach(async () => {
    db = await databases.init(databaseId);
    await migrateScimDatabase({
      getClient: async () => db,
      migrations: { skip: false },
    });
    clock = new Date('2026-11-28T12:00:00.000Z');
    logger = mockServices.logger.mock();
    const now = () => clock;
    service = new TokenService({
      tokens: new DatabaseTokenStore(db),
      audit: new DatabaseAuditStore(db, now),
      logger,
      maxValidityDays: 730,
      now,
    });
  });

  const advance = (ms: number) => {
    clock = new Date(clock.getTime() + ms);
  };

  it('creates a random, prefixed token, stores only its hash and verifies it until it expires', async () => {
    const created = await service.create({
      validityDays: 30,
      description: 'Entra',
      actor: 'user:default/admin',
    });
    expect(created.token).toMatch(/^bscim_[A-Za-z0-9_-]{43}$/);
    expect(created.expiresAt).toBe('2026-12-28T12:00:00.000Z');
    const other = await service.create({
      validityDays: 30,
      actor: 'user:default/admin',
    });
    expect(other.token).not.toBe(created.token);

    const rows = await db('scim_tokens').select();
    expect(JSON.stringify(rows)).not.toContain(created.token.slice(12));
    expect(rows.find(r => r.id === created.id).token_hash).toMatch(
      /^[0-9a-f]{64}$/,
    );

    expect(await service.verify(created.token)).toEqual({
      ok: true,
      id: created.id,
      prefix: created.token.slice(0, 12),
    });
    advance(30 * DAY - 1000);
    expect((await service.verify(created.token)).ok).toBe(true);
    advance(2000);
    expect(await service.verify(created.token)).toEqual({
      ok: false,
      reason: 'expired',
    });
  });

  it('rejects revoked, unknown and malformed tokens, and keeps other tokens working', async () => {
    const a = await service.create({
      validityDays: 90,
      actor: 'user:default/admin',
    });
    const b = await service.create({
      validityDays: 90,
      actor: 'user:default/admin',
    });
    expect((await service.verify(a.token)).ok).toBe(true); // now cached
    await service.revoke(a.id, 'user:default/admin');
    expect(await service.verify(a.token)).toEqual({
      ok: false,
      reason: 'revoked',
    });
    expect((await service.verify(b.token)).ok).toBe(true);
    expect(await service.verify(`bscim_${'A'.repeat(43)}`)).toEqual({
      ok: false,
      reason: 'unknown',
    });
    expect(await service.verify('not-a-token')).toEqual({
      ok: false,
      reason: 'malformed',
    });
    await expect(
      service.revoke('no-such-id', 'user:default/admin'),
    ).rejects.toThrow(/not found/);
  });

  it('lists tokens without secrets or hashes', async () => {
    const created = await service.create({
      validityDays: 180,
      description: 'rotation',
      actor: 'user:default/admin',
    });
    const list = await service.list();
    expect(list).toEqual([
      {
        id: created.id,
        description: 'rotation',
        prefix: created.token.slice(0, 12),
        createdBy: 'user:default/admin',
        createdAt: '2026-11-28T12:00:00.000Z',
        expiresAt: created.expiresAt,
      },
    ]);
    expect(JSON.stringify(list)).not.toContain(created.token);
  });

  it('records lastUsedAt at most once a minute', async () => {
    const created = await service.create({
      validityDays: 30,
      actor: 'user:default/admin',
    });
    const lastUsed = async () => {
      await new Promise(resolve => setTimeout(resolve, 50)); // the write is not awaited by verify
      return (await db('scim_tokens').where({ id: created.id }).first())
        .last_used_at;
    };
    await service.verify(created.token);
    expect(await lastUsed()).toBe('2026-11-28T12:00:00.000Z');
    advance(30_000);
    await service.verify(created.token);
    expect(await lastUsed()).toBe('2026-11-28T12:00:00.000Z');
    advance(31_000);
    await service.verify(created.token);
    expect(await lastUsed()).toBe('2026-11-28T12:01:01.000Z');
  });

  it.each([0, -1, 1.5, 731, '30', null, undefined, Number.NaN])(
    'rejects validityDays %p',
    async validityDays => {
      await expect(
        service.create({ validityDays, actor: 'user:default/admin' }),
      ).rejects.toThrow(
        /validityDays must be a whole number of days from 1 to 730/,
      );
    },
  );

  it('never writes a token to the logs or the audit trail', async () => {
    const created = await service.create({
      validityDays: 30,
      description: 'x',
      actor: 'user:default/admin',
    });
    await service.verify(created.token);
    await service.verify(`${created.token.slice(0, -1)}A`);
    await service.revoke(created.id, 'user:default/admin');
    await service.verify(created.token);
    const logged = JSON.stringify(
      [logger.info, logger.warn, logger.error, logger.debug].flatMap(
        fn => fn.mock.calls,
      ),
    );
    expect(logger.info).toHaveBeenCalled();
    expect(logged).not.toContain(created.token.slice(12));
    const audit = JSON.stringify(await db('scim_audit').select());
    expect(audit).toContain('token.created');
    expect(audit).toContain('token.revoked');
    expect(audit).not.toContain(created.token.slice(12));
  });
});
