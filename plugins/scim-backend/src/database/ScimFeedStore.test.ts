import { Knex } from 'knex';
import {
  createTestDatabases,
  initScimDatabase,
} from '../__testUtils__/testDatabases';
import { FEED_RETENTION_MS, ScimFeedStore } from './ScimFeedStore';
import { ScimGroupStore } from './ScimGroupStore';
import { ScimUserStore } from './ScimUserStore';

jest.setTimeout(60_000);

const databases = createTestDatabases();

describe.each(databases.eachSupportedId())(
  'ScimFeedStore on %p',
  databaseId => {
    let db: Knex;
    let users: ScimUserStore;
    let groups: ScimGroupStore;
    let feed: ScimFeedStore;

    beforeEach(async () => {
      db = await initScimDatabase(databases, databaseId);
      users = new ScimUserStore(db);
      groups = new ScimGroupStore(db);
      feed = new ScimFeedStore(db);
    });

    it('pages all users and groups by id, with members and the primary email', async () => {
      const ids: string[] = [];
      for (let i = 0; i < 5; i++) {
        const user = await users.create({
          userName: `user${i}`,
          emails: [
            { type: 'home', value: `home${i}@x` },
            { type: 'work', value: `work${i}@x`, primary: i % 2 === 0 },
          ],
          active: i !== 4,
        });
        ids.push(user.id);
      }
      const group = await groups.create(
        { displayName: 'G', externalId: 'ext-g' },
        ids.slice(0, 3),
      );

      const first = await feed.users(undefined, 2);
      const second = await feed.users(first.next, 2);
      const third = await feed.users(second.next, 2);
      expect(first.next).toBeDefined();
      expect(third.next).toBeUndefined();
      const all = [...first.items, ...second.items, ...third.items];
      expect(all.map(u => u.id).sort()).toEqual([...ids].sort());
      const user0 = all.find(u => u.userName === 'user0')!;
      expect(user0).toMatchObject({ email: 'work0@x', active: true });
      expect(all.find(u => u.userName === 'user1')!.email).toBe('work1@x');
      expect(all.find(u => u.userName === 'user4')!.active).toBe(false);

      const groupPage = await feed.groups(undefined, 500);
      expect(groupPage.items).toEqual([
        {
          id: group.id,
          externalId: 'ext-g',
          displayName: 'G',
          memberIds: expect.arrayContaining(ids.slice(0, 3)),
          createdAt: group.createdAt,
          updatedAt: group.updatedAt,
        },
      ]);
      expect(groupPage.items[0].memberIds).toHaveLength(3);
    });

    it('returns the current state of what changed after a cursor, and deletions', async () => {
      const start = await feed.cursor();
      const alice = await users.create({ userName: 'alice' });
      const bob = await users.create({ userName: 'bob' });
      const group = await groups.create({ displayName: 'Team' }, [alice.id]);
      await users.update(alice.id, a => ({ ...a, displayName: 'Alice' }));
      await users.delete(bob.id);

      const changes = await feed.changes(start, 1000);
      expect(changes.reset).toBe(false);
      expect(changes.more).toBe(false);
      expect(changes.cursor).toBe(await feed.cursor());
      expect(changes.users.map(u => [u.userName, u.displayName])).toEqual([
        ['alice', 'Alice'],
      ]);
      expect(changes.deletedUserIds).toEqual([bob.id]);
      expect(changes.groups.map(g => [g.id, g.memberIds])).toEqual([
        [group.id, [alice.id]],
      ]);

      const after = await feed.changes(changes.cursor, 1000);
      expect(after).toMatchObject({
        users: [],
        groups: [],
        more: false,
        cursor: changes.cursor,
      });

      await groups.delete(group.id);
      const deleted = await feed.changes(changes.cursor, 1000);
      expect(deleted.deletedGroupIds).toEqual([group.id]);
    });

    it('pages changes with `more` and asks a reader that fell behind to reset', async () => {
      for (let i = 0; i < 5; i++) {
        await users.create({ userName: `u${i}` });
      }
      const page = await feed.changes('0', 2);
      expect(page.more).toBe(true);
      expect(page.users).toHaveLength(2);

      // Age every change past the retention; the newest one is always kept.
      await db('scim_changes').update({
        created_at: '2000-01-01T00:00:00.000Z',
      });
      expect(await feed.prune(new Date(Date.now() + FEED_RETENTION_MS))).toBe(
        4,
      );
      expect((await feed.changes('0', 10)).reset).toBe(true);
      expect((await feed.changes(await feed.cursor(), 10)).reset).toBe(false);
      expect((await feed.changes('999999', 10)).reset).toBe(true);
      expect((await feed.changes('not-a-number', 10)).reset).toBe(true);
    });
  },
);
