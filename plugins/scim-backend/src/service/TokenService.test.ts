import { mockServices } from '@backstage/backend-test-utils';
import { createHash } from 'node:crypto';
import { Knex } from 'knex';
import {
  createTestDatabases,
  initScimDatabase,
} from '../__testUtils__/testDatabases';
import { DatabaseAuditStore } from '../database/DatabaseAuditStore';
import { DatabaseTokenStore } from '../database/DatabaseTokenStore';
import { AuditLog } from './AuditLog';
import { TokenService } from './TokenService';

jest.setTimeout(60_000);

const DAY = 24 * 60 * 60 * 1000;
const ADMIN = 'user:default/admin';
const databases = createTestDatabases();

const sha256 = (value: string) =>
  createHash('sha256').update(value).digest('hex');

describe.each(databases.eachSupportedId())('TokenService on %p', databaseId => {
  let db: Knex;
  let clock: Date;
  let logger: ReturnType<typeof mockServices.logger.mock>;
  let store: DatabaseTokenStore;
  let service: TokenService;

  const now = () => clock;
  const advance = (ms: number) => {
    clock = new Date(clock.getTime() + ms);
  };
  /** Another process on the same database (a replica, or after a restart). */
  const newService = (
    options: { tokens?: DatabaseTokenStore; maxValidityDays?: number } = {},
  ) =>
    new TokenService({
      tokens: options.tokens ?? store,
      audit: new AuditLog(new DatabaseAuditStore(db), now),
      logger,
      maxValidityDays: options.maxValidityDays ?? 730,
      now,
    });

  beforeEach(async () => {
    db = await initScimDatabase(databases, databaseId);
    clock = new Date('2026-11-28T12:00:00.000Z');
    logger = mockServices.logger.mock();
    store = new DatabaseTokenStore(db);
    service = newService();
  });

  it('creates a random, prefixed token, stores only its hash and verifies it until it expires', async () => {
    const created = await service.create({
      validityDays: 30,
      description: 'Entra',
      actor: ADMIN,
    });
    expect(created).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      token: expect.stringMatching(/^bscim_[A-Za-z0-9_-]{43}$/),
      expiresAt: '2026-12-28T12:00:00.000Z',
      description: 'Entra',
    });
    const other = await service.create({ validityDays: 30, actor: ADMIN });
    expect(other.token).not.toBe(created.token);

    const rows = await db('scim_tokens').select();
    expect(JSON.stringify(rows)).not.toContain(created.token.slice(12));
    expect(rows.find(r => r.id === created.id)).toMatchObject({
      token_hash: sha256(created.token),
      prefix: created.token.slice(0, 12),
      created_by: ADMIN,
    });

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
    // A fresh process reading from the database agrees.
    expect(await newService().verify(created.token)).toEqual({
      ok: false,
      reason: 'expired',
    });
  });

  it('keeps several tokens live at once, so Entra can rotate without downtime', async () => {
    const old = await service.create({ validityDays: 30, actor: ADMIN });
    advance(20 * DAY);
    const rotated = await service.create({ validityDays: 90, actor: ADMIN });
    expect((await service.verify(old.token)).ok).toBe(true);
    expect((await service.verify(rotated.token)).ok).toBe(true);
    await service.revoke(old.id, ADMIN);
    expect((await service.verify(old.token)).ok).toBe(false);
    expect(await service.verify(rotated.token)).toMatchObject({
      ok: true,
      id: rotated.id,
    });
  });

  it('rejects revoked, unknown and malformed tokens, and revokes at once despite the cache', async () => {
    const a = await service.create({ validityDays: 90, actor: ADMIN });
    expect((await service.verify(a.token)).ok).toBe(true); // now cached
    await service.revoke(a.id, ADMIN);
    expect(await service.verify(a.token)).toEqual({
      ok: false,
      reason: 'revoked',
    });
    expect(await service.verify(`bscim_${'A'.repeat(43)}`)).toEqual({
      ok: false,
      reason: 'unknown',
    });
    for (const malformed of [
      'not-a-token',
      '',
      `bscim_${'A'.repeat(42)}`,
      `bscim_${'A'.repeat(44)}`,
      `xscim_${'A'.repeat(43)}`,
      `bscim_${'A'.repeat(42)}=`,
    ]) {
      expect(await service.verify(malformed)).toEqual({
        ok: false,
        reason: 'malformed',
      });
    }
    await expect(service.revoke('no-such-id', ADMIN)).rejects.toThrow(
      'Token no-such-id not found',
    );
  });

  it('does not cache a lookup that raced with a revocation', async () => {
    let release!: () => void;
    const gate = new Promise<void>(resolve => {
      release = resolve;
    });
    let gated = false;
    class SlowStore extends DatabaseTokenStore {
      async findByHash(hash: string) {
        const found = await super.findByHash(hash);
        if (gated) {
          await gate;
        }
        return found;
      }
    }
    const racing = newService({ tokens: new SlowStore(db) });
    const created = await racing.create({ validityDays: 30, actor: ADMIN });

    gated = true;
    const inFlight = racing.verify(created.token);
    // Let the lookup read the row before it is revoked.
    await new Promise(resolve => setTimeout(resolve, 200));
    await racing.revoke(created.id, ADMIN);
    gated = false;
    release();
    // The request that started before the revocation may pass...
    expect((await inFlight).ok).toBe(true);
    // ...but nothing after it.
    expect(await racing.verify(created.token)).toEqual({
      ok: false,
      reason: 'revoked',
    });
  });

  it('lets another replica trust its cache for a few seconds only', async () => {
    const created = await service.create({ validityDays: 30, actor: ADMIN });
    const replica = newService();
    expect((await replica.verify(created.token)).ok).toBe(true);
    await service.revoke(created.id, ADMIN);
    advance(4_000);
    expect((await replica.verify(created.token)).ok).toBe(true);
    advance(2_000);
    expect(await replica.verify(created.token)).toEqual({
      ok: false,
      reason: 'revoked',
    });
  });

  it('lists tokens without secrets or hashes', async () => {
    const first = await service.create({
      validityDays: 180,
      description: 'rotation',
      actor: ADMIN,
    });
    advance(1000);
    const second = await service.create({
      validityDays: 30,
      actor: 'service:ci',
    });
    await service.revoke(second.id, ADMIN);
    const list = await service.list();
    expect(list).toEqual([
      {
        id: second.id,
        description: undefined,
        prefix: second.token.slice(0, 12),
        createdBy: 'service:ci',
        createdAt: '2026-11-28T12:00:01.000Z',
        expiresAt: second.expiresAt,
        lastUsedAt: undefined,
        revokedAt: '2026-11-28T12:00:01.000Z',
      },
      {
        id: first.id,
        description: 'rotation',
        prefix: first.token.slice(0, 12),
        createdBy: ADMIN,
        createdAt: '2026-11-28T12:00:00.000Z',
        expiresAt: first.expiresAt,
        lastUsedAt: undefined,
        revokedAt: undefined,
      },
    ]);
    const json = JSON.stringify(list);
    for (const t of [first, second]) {
      expect(json).not.toContain(t.token.slice(12));
      expect(json).not.toContain(sha256(t.token));
    }
  });

  it('records lastUsedAt at most once a minute per token', async () => {
    const touch = jest.spyOn(store, 'touch');
    const created = await service.create({ validityDays: 30, actor: ADMIN });
    const other = await service.create({ validityDays: 30, actor: ADMIN });
    const lastUsed = async (id: string) => {
      // verify does not wait for the write; wait for it to land.
      await Promise.all(touch.mock.results.map(r => r.value));
      return (await db('scim_tokens').where({ id }).first()).last_used_at;
    };

    for (let i = 0; i < 20; i++) {
      await service.verify(created.token);
    }
    expect(touch).toHaveBeenCalledTimes(1);
    expect(await lastUsed(created.id)).toBe('2026-11-28T12:00:00.000Z');
    expect(await lastUsed(other.id)).toBeNull();

    advance(30_000);
    await service.verify(created.token);
    await service.verify(other.token); // throttled per token, not globally
    expect(touch).toHaveBeenCalledTimes(2);
    expect(await lastUsed(created.id)).toBe('2026-11-28T12:00:00.000Z');
    expect(await lastUsed(other.id)).toBe('2026-11-28T12:00:30.000Z');

    advance(31_000);
    await service.verify(created.token);
    expect(touch).toHaveBeenCalledTimes(3);
    expect(await lastUsed(created.id)).toBe('2026-11-28T12:01:01.000Z');
    expect((await service.list()).find(t => t.id === created.id)).toMatchObject(
      { lastUsedAt: '2026-11-28T12:01:01.000Z' },
    );

    // Rejected tokens are not "used".
    await service.revoke(other.id, ADMIN);
    advance(120_000);
    await service.verify(other.token);
    expect(touch).toHaveBeenCalledTimes(3);
  });

  it.each([0, -1, 1.5, 731, '30', 'abc', null, undefined, Number.NaN, {}])(
    'rejects validityDays %p',
    async validityDays => {
      await expect(
        service.create({ validityDays, actor: ADMIN }),
      ).rejects.toThrow(
        /^validityDays must be a whole number of days from 1 to 730$/,
      );
      expect(Number((await db('scim_tokens').count({ n: '*' }))[0].n)).toBe(0);
    },
  );

  it('honours the configured maximum validity', async () => {
    const short = newService({ maxValidityDays: 10 });
    const created = await short.create({ validityDays: 10, actor: ADMIN });
    expect(created.expiresAt).toBe('2026-12-08T12:00:00.000Z');
    await expect(
      short.create({ validityDays: 11, actor: ADMIN }),
    ).rejects.toThrow(
      'validityDays must be a whole number of days from 1 to 10',
    );
  });

  it.each([['x'.repeat(256)], [42], [{ text: 'x' }]])(
    'rejects description %p',
    async description => {
      await expect(
        service.create({ validityDays: 30, description, actor: ADMIN }),
      ).rejects.toThrow(/^description must be a string/);
    },
  );

  it('audits creation and every revocation with before/after, never the token or its hash', async () => {
    const created = await service.create({
      validityDays: 30,
      description: 'Entra',
      actor: ADMIN,
    });
    advance(1000);
    await service.revoke(created.id, 'user:default/other');
    advance(1000);
    await service.revoke(created.id, ADMIN); // already revoked: a no-op, still audited

    const audit = await new AuditLog(new DatabaseAuditStore(db)).list(0, 10);
    const prefix = created.token.slice(0, 12);
    expect(audit.items.map(({ id: _, ...e }) => e)).toEqual([
      {
        actor: ADMIN,
        action: 'token.revoked',
        target: created.id,
        details: {
          prefix,
          description: 'Entra',
          before: { revokedAt: '2026-11-28T12:00:01.000Z' },
          after: { revokedAt: '2026-11-28T12:00:01.000Z' },
        },
        createdAt: '2026-11-28T12:00:02.000Z',
      },
      {
        actor: 'user:default/other',
        action: 'token.revoked',
        target: created.id,
        details: {
          prefix,
          description: 'Entra',
          before: { revokedAt: null },
          after: { revokedAt: '2026-11-28T12:00:01.000Z' },
        },
        createdAt: '2026-11-28T12:00:01.000Z',
      },
      {
        actor: ADMIN,
        action: 'token.created',
        target: created.id,
        details: {
          prefix,
          description: 'Entra',
          validityDays: 30,
          expiresAt: '2026-12-28T12:00:00.000Z',
        },
        createdAt: '2026-11-28T12:00:00.000Z',
      },
    ]);
    const raw = JSON.stringify(await db('scim_audit').select());
    expect(raw).not.toContain(created.token.slice(12));
    expect(raw).not.toContain(sha256(created.token));
  });

  it('never writes a token or its hash to the logs', async () => {
    const created = await service.create({
      validityDays: 30,
      description: 'x',
      actor: ADMIN,
    });
    await service.verify(created.token);
    await service.verify(`${created.token.slice(0, -1)}A`);
    await service.revoke(created.id, ADMIN);
    await service.verify(created.token);
    advance(31 * DAY);
    await service.verify(created.token);

    const calls = [
      logger.info,
      logger.warn,
      logger.error,
      logger.debug,
      logger.child,
    ].flatMap(fn => fn.mock.calls as unknown[][]);
    expect(logger.info).toHaveBeenCalledTimes(2); // created, revoked
    const logged = JSON.stringify(calls);
    expect(logged).toContain(created.id);
    expect(logged).not.toContain(created.token.slice(12));
    expect(logged).not.toContain(sha256(created.token));
  });
});
