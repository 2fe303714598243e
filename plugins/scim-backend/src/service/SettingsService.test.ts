import { Knex } from 'knex';
import {
  createTestDatabases,
  initScimDatabase,
} from '../__testUtils__/testDatabases';
import { DatabaseAuditStore } from '../database/DatabaseAuditStore';
import { DatabaseSettingsStore } from '../database/DatabaseSettingsStore';
import { AuditLog } from './AuditLog';
import { SettingsService } from './SettingsService';

jest.setTimeout(60_000);

const BASE_URL = 'https://backstage.example.com/api/scim/v2';
const databases = createTestDatabases();

describe.each(databases.eachSupportedId())(
  'SettingsService on %p',
  databaseId => {
    let db: Knex;
    let clock: Date;
    const advance = (ms: number) => {
      clock = new Date(clock.getTime() + ms);
    };
    /** One process; several of them on one database act as replicas. */
    const service = (store = new DatabaseSettingsStore(db)) =>
      new SettingsService({
        store,
        audit: new AuditLog(new DatabaseAuditStore(db), () => clock),
        baseUrl: BASE_URL,
        maxTokenValidityDays: 730,
        now: () => clock,
      });

    beforeEach(async () => {
      db = await initScimDatabase(databases, databaseId);
      clock = new Date('2026-11-28T12:00:00.000Z');
    });

    it('starts disabled, persists the switch and audits every update with before/after', async () => {
      const settings = service();
      expect(await settings.get()).toEqual({
        enabled: false,
        baseUrl: BASE_URL,
        maxTokenValidityDays: 730,
      });
      expect(
        await settings.update({ enabled: true }, 'user:default/admin'),
      ).toEqual({
        enabled: true,
        baseUrl: BASE_URL,
        maxTokenValidityDays: 730,
      });
      advance(1000);
      await settings.update({ enabled: true }, 'user:default/admin');
      advance(1000);
      await settings.update({ enabled: false }, 'service:ops');

      // A new instance (a restart, or another replica) reads the stored value.
      expect(await service().isEnabled()).toBe(false);
      expect(await db('scim_settings').select()).toEqual([
        {
          key: 'enabled',
          value: 'false',
          updated_by: 'service:ops',
          updated_at: '2026-11-28T12:00:02.000Z',
        },
      ]);
      const audit = await new DatabaseAuditStore(db).list(0, 10);
      expect(audit.items.map(({ id: _, ...e }) => e)).toEqual([
        {
          actor: 'service:ops',
          action: 'settings.updated',
          target: 'enabled',
          details: { before: { enabled: true }, after: { enabled: false } },
          createdAt: '2026-11-28T12:00:02.000Z',
        },
        {
          actor: 'user:default/admin',
          action: 'settings.updated',
          target: 'enabled',
          details: { before: { enabled: true }, after: { enabled: true } },
          createdAt: '2026-11-28T12:00:01.000Z',
        },
        {
          actor: 'user:default/admin',
          action: 'settings.updated',
          target: 'enabled',
          details: { before: { enabled: false }, after: { enabled: true } },
          createdAt: '2026-11-28T12:00:00.000Z',
        },
      ]);
    });

    it('rejects anything but a boolean, and changes nothing', async () => {
      for (const body of [
        {},
        { enabled: 'true' },
        { enabled: 1 },
        null,
        undefined,
        'true',
      ]) {
        await expect(
          service().update(body, 'user:default/admin'),
        ).rejects.toThrow('enabled must be true or false');
      }
      expect(await db('scim_settings').select()).toEqual([]);
      expect(await db('scim_audit').select()).toEqual([]);
    });

    it('caches the switch briefly, so another replica sees a change within seconds', async () => {
      const replicaA = service();
      const replicaB = service();
      expect(await replicaB.isEnabled()).toBe(false);
      await replicaA.update({ enabled: true }, 'user:default/admin');
      expect(await replicaA.isEnabled()).toBe(true);
      advance(4_000);
      expect(await replicaB.isEnabled()).toBe(false);
      advance(2_000);
      expect(await replicaB.isEnabled()).toBe(true);
    });

    it('reads the database once per cache period, however many requests ask', async () => {
      const store = new DatabaseSettingsStore(db);
      const get = jest.spyOn(store, 'get');
      const settings = service(store);
      const answers = await Promise.all(
        Array.from({ length: 50 }, () => settings.isEnabled()),
      );
      expect(answers.every(a => a === false)).toBe(true);
      expect(get).toHaveBeenCalledTimes(1);
      for (let i = 0; i < 50; i++) {
        await settings.isEnabled();
      }
      expect(get).toHaveBeenCalledTimes(1);
      advance(5_001);
      await settings.isEnabled();
      expect(get).toHaveBeenCalledTimes(2);
    });

    it('does not let a read that started before a local update overwrite it', async () => {
      const store = new DatabaseSettingsStore(db);
      const settings = service(store);
      let release!: () => void;
      const gate = new Promise<void>(resolve => {
        release = resolve;
      });
      const realGet = store.get.bind(store);
      jest.spyOn(store, 'get').mockImplementationOnce(async key => {
        const value = await realGet(key);
        await gate;
        return value as any;
      });
      const slowRead = settings.isEnabled(); // reads "disabled", then waits
      await new Promise(resolve => setTimeout(resolve, 200));
      await settings.update({ enabled: true }, 'user:default/admin');
      release();
      expect(await slowRead).toBe(true);
      expect(await settings.isEnabled()).toBe(true);
    });
  },
);
