import { Knex } from 'knex';
import { DatabaseAuditStore } from '../database/DatabaseAuditStore';
import { DatabaseSettingsStore } from '../database/DatabaseSettingsStore';
import { migrateScimDatabase } from '../database/migrateScimDatabase';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { SettingsService } from './SettingsService';

jest.setTimeout(60_000);

const BASE_URL = 'https://backstage.example.com/api/scim/v2';
const databases = createTestDatabases();

describe.each(databases.eachSupportedId())(
  'SettingsService on %p',
  databaseId => {
    let db: Knex;
    let clock: Date;
    const service = (store = new DatabaseSettingsStore(db)) =>
      new SettingsService(
        store,
        new DatabaseAuditStore(db, () => clock),
        BASE_URL,
        730,
        () => clock,
      );

    beforeEach(async () => {
      db = await databases.init(databaseId);
      await migrateScimDatabase({
        getClient: async () => db,
        migrations: { skip: false },
      });
      clock = new Date('2026-11-28T12:00:00.000Z');
    });

    it('starts disabled, persists the switch and audits each change with before/after', async () => {
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
      await settings.update({ enabled: true }, 'user:default/admin');
      await settings.update({ enabled: false }, 'user:default/other');

      // A new instance (a restart, or another replica) reads the stored value.
      expect(await service().isEnabled()).toBe(false);
      const audit = await new DatabaseAuditStore(db).list(0, 10);
      expect(audit.totalCount).toBe(2);
      expect(audit.items.map(e => [e.actor, e.details])).toEqual([
        [
          'user:default/other',
          { before: { enabled: true }, after: { enabled: false } },
        ],
        [
          'user:default/admin',
          { before: { enabled: false }, after: { enabled: true } },
        ],
      ]);
    });

    it('rejects anything but a boolean', async () => {
      for (const body of [{}, { enabled: 'true' }, { enabled: 1 }, null]) {
        await expect(
          service().update(body, 'user:default/admin'),
        ).rejects.toThrow('enabled must be true or false');
      }
    });

    it('caches the switch briefly, so another replica sees a change within seconds', async () => {
      const replicaA = service();
      const replicaB = service();
      expect(await replicaB.isEnabled()).toBe(false);
      await replicaA.update({ enabled: true }, 'user:default/admin');
      expect(await replicaA.isEnabled()).toBe(true);
      expect(await replicaB.isEnabled()).toBe(false);
      clock = new Date(clock.getTime() + 6_000);
      expect(await replicaB.isEnabled()).toBe(true);
    });
  },
);
