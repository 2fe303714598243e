import { Knex } from 'knex';
import {
  createTestDatabases,
  initScimDatabase,
} from '../__testUtils__/testDatabases';
import { ScimGroupStore } from '../database/ScimGroupStore';
import { ScimUserStore } from '../database/ScimUserStore';
import { ScimDirectoryStore } from './ScimDirectoryStore';

jest.setTimeout(60_000);

const databases = createTestDatabases();

describe.each(databases.eachSupportedId())(
  'ScimDirectoryStore on %p',
  databaseId => {
    let db: Knex;
    let users: ScimUserStore;
    let store: ScimDirectoryStore;

    const createUser = async (
      userName: string,
      extra: Record<string, unknown> = {},
    ) => (await users.create({ userName, active: true, ...extra })).id;

    const deactivate = (id: string) =>
      users.update(id, current => ({ ...current, active: false }));

    beforeEach(async () => {
      db = await initScimDatabase(databases, databaseId);
      users = new ScimUserStore(db);
      store = new ScimDirectoryStore(db);
    });

    it('reads the last SCIM change of the given users only', async () => {
      const alice = await createUser('alice@example.com');
      const bob = await createUser('bob@example.com');
      const changed = await deactivate(bob);

      const updatedAt = await store.userUpdatedAt([bob, 'unknown']);

      expect([...updatedAt]).toEqual([[bob, changed.updatedAt]]);
      expect(updatedAt.has(alice)).toBe(false);
      expect(await store.userUpdatedAt([])).toEqual(new Map());
    });

    it('counts the active members of groups, with empty groups at zero', async () => {
      const alice = await createUser('alice@example.com');
      const bob = await createUser('bob@example.com');
      const carol = await createUser('carol@example.com');
      await deactivate(carol);
      const groups = new ScimGroupStore(db);
      const developers = await groups.create({ displayName: 'Developers' }, [
        alice,
        bob,
        carol,
      ]);
      const empty = await groups.create({ displayName: 'Empty' }, []);
      await groups.create({ displayName: 'Not asked' }, [alice]);

      const summaries = await store.groupSummaries([developers.id, empty.id]);

      expect(Object.fromEntries(summaries)).toEqual({
        [developers.id]: { updatedAt: developers.updatedAt, memberCount: 2 },
        [empty.id]: { updatedAt: empty.updatedAt, memberCount: 0 },
      });
    });

    it('pages and searches the deactivated users by userName', async () => {
      await createUser('active@example.com');
      const ids: Record<string, string> = {};
      for (const name of ['dora', 'carl', 'eve_100%', 'bea']) {
        ids[name] = await createUser(`${name}@example.com`, {
          displayName: `${name.toUpperCase()} Example`,
          emails: [
            { value: `${name}@home.example`, type: 'home' },
            { value: `${name}@work.example`, primary: true },
          ],
        });
        await deactivate(ids[name]);
      }

      const first = await store.listDeactivatedUsers({ offset: 0, limit: 2 });
      expect(first.totalCount).toBe(4);
      expect(first.items).toEqual([
        {
          scimId: ids.bea,
          userName: 'bea@example.com',
          displayName: 'BEA Example',
          email: 'bea@work.example',
          source: 'scim',
          active: false,
          lastProvisionedAt: expect.any(String),
        },
        expect.objectContaining({ userName: 'carl@example.com' }),
      ]);
      const second = await store.listDeactivatedUsers({ offset: 2, limit: 2 });
      expect(second.items.map(u => u.userName)).toEqual([
        'dora@example.com',
        'eve_100%@example.com',
      ]);

      const search = (term: string) =>
        store
          .listDeactivatedUsers({ search: term, offset: 0, limit: 10 })
          .then(page => [page.totalCount, page.items.map(u => u.userName)]);
      expect(await search('DORA')).toEqual([1, ['dora@example.com']]);
      // Display names match too, and %/_ are literal characters, not patterns.
      expect(await search('carl ex')).toEqual([1, ['carl@example.com']]);
      expect(await search('0%')).toEqual([1, ['eve_100%@example.com']]);
      expect(await search('_')).toEqual([1, ['eve_100%@example.com']]);
      expect(await search('active')).toEqual([0, []]);
    });
  },
);
