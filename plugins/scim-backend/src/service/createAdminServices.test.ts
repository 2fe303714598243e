import { mockServices } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import {
  createTestDatabases,
  initScimDatabase,
} from '../__testUtils__/testDatabases';
import { createAdminServices } from './createAdminServices';

jest.setTimeout(60_000);

const databases = createTestDatabases();

describe.each(databases.eachSupportedId())(
  'createAdminServices on %p',
  databaseId => {
    let db: Knex;

    beforeEach(async () => {
      db = await initScimDatabase(databases, databaseId);
    });

    it('wires config, base URL and one clock into services that share the audit trail', async () => {
      const clock = new Date('2026-11-28T12:00:00.000Z');
      const { settings, tokens, audit } = createAdminServices({
        db,
        config: {
          maxResults: 200,
          maxBodySize: '5mb',
          maxTokenValidityDays: 14,
        },
        baseUrl: 'https://backstage.example.com/api/scim/v2',
        logger: mockServices.logger.mock(),
        now: () => clock,
      });

      expect(await settings.get()).toEqual({
        enabled: false,
        baseUrl: 'https://backstage.example.com/api/scim/v2',
        maxTokenValidityDays: 14,
      });
      await expect(
        tokens.create({ validityDays: 15, actor: 'user:default/a' }),
      ).rejects.toThrow(
        'validityDays must be a whole number of days from 1 to 14',
      );
      const created = await tokens.create({
        validityDays: 14,
        actor: 'user:default/a',
      });
      expect(created.expiresAt).toBe('2026-12-12T12:00:00.000Z');
      await settings.update({ enabled: true }, 'user:default/a');

      expect(
        (await audit.list(0, 10)).items.map(e => [e.action, e.createdAt]),
      ).toEqual([
        ['settings.updated', '2026-11-28T12:00:00.000Z'],
        ['token.created', '2026-11-28T12:00:00.000Z'],
      ]);
    });
  },
);
