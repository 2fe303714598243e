import { Knex } from 'knex';
import {
  createTestDatabases,
  initScimDatabase,
} from '../__testUtils__/testDatabases';
import { AccessStore } from './AccessStore';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const stamp = { actor: 'user:default/admin', at: '2026-11-29T12:00:00.000Z' };
const DEVS = 'group:default/devs';
const OPS = 'group:default/ops';
const ALICE = 'user:default/alice';
const BOB = 'user:default/bob';

describe.each(databases.eachSupportedId())('AccessStore on %p', databaseId => {
  let db: Knex;
  let store: AccessStore;

  beforeEach(async () => {
    db = await initScimDatabase(databases, databaseId);
    store = new AccessStore(db);
  });

  it('replaces only the named services of a group, in order', async () => {
    await store.replaceGroupGrants({
      groupRef: DEVS,
      services: ['catalog', 'scaffolder'],
      grants: [
        { service: 'scaffolder', role: 'user' },
        { service: 'catalog', role: 'viewer' },
        { service: 'catalog', role: 'editor' },
      ],
      stamp,
    });
    const result = await store.replaceGroupGrants({
      groupRef: DEVS,
      services: ['catalog'],
      grants: [{ service: 'catalog', role: 'admin' }],
      stamp,
    });

    expect(result.before).toEqual([
      { service: 'catalog', role: 'editor' },
      { service: 'catalog', role: 'viewer' },
      { service: 'scaffolder', role: 'user' },
    ]);
    expect(result.after).toEqual([
      { service: 'catalog', role: 'admin' },
      { service: 'scaffolder', role: 'user' },
    ]);
    expect(await store.groupGrants(OPS)).toEqual([]);
  });

  it('rolls a failed replacement back as a whole', async () => {
    await store.replaceGroupGrants({
      groupRef: DEVS,
      services: ['catalog'],
      grants: [{ service: 'catalog', role: 'viewer' }],
      stamp,
    });
    // A duplicate grant violates the primary key after the delete ran.
    await expect(
      store.replaceGroupGrants({
        groupRef: DEVS,
        services: ['catalog'],
        grants: [
          { service: 'catalog', role: 'admin' },
          { service: 'catalog', role: 'admin' },
        ],
        stamp,
      }),
      // better-sqlite3's error is not always an Error of jest's realm.
    ).rejects.toHaveProperty(
      'message',
      expect.stringMatching(/unique|duplicate/i),
    );
    expect(await store.groupGrants(DEVS)).toEqual([
      { service: 'catalog', role: 'viewer' },
    ]);
  });

  it('reads the grants of several groups and of all groups', async () => {
    await store.replaceGroupGrants({
      groupRef: OPS,
      services: ['catalog'],
      grants: [{ service: 'catalog', role: 'admin' }],
      stamp,
    });
    await store.replaceGroupGrants({
      groupRef: DEVS,
      services: ['techdocs'],
      grants: [{ service: 'techdocs', role: 'reader' }],
      stamp,
    });
    const expected = [
      { groupRef: DEVS, service: 'techdocs', role: 'reader' },
      { groupRef: OPS, service: 'catalog', role: 'admin' },
    ];
    expect(
      await store.grantsOfGroups([OPS, DEVS, 'group:default/none']),
    ).toEqual(expected);
    expect(await store.grantsOfGroups([OPS])).toEqual([expected[1]]);
    expect(await store.allGroupGrants()).toEqual(expected);
  });

  it('adds a manual role once and removes it once', async () => {
    const grant = { service: 'catalog', role: 'viewer' };
    expect(await store.addUserGrant(ALICE, grant, stamp)).toBe(true);
    expect(await store.addUserGrant(ALICE, grant, stamp)).toBe(false);
    expect(await store.userGrants(ALICE)).toEqual([grant]);
    expect(Number((await db('scim_user_roles').count({ n: '*' }))[0].n)).toBe(
      1,
    );

    expect(await store.removeUserGrant(ALICE, grant)).toBe(true);
    expect(await store.removeUserGrant(ALICE, grant)).toBe(false);
    expect(await store.userGrants(ALICE)).toEqual([]);
  });

  it('removes every manual role of the given users and reports them', async () => {
    await store.addUserGrant(
      ALICE,
      { service: 'catalog', role: 'viewer' },
      stamp,
    );
    await store.addUserGrant(
      ALICE,
      { service: 'identity', role: 'admin' },
      stamp,
    );
    await store.addUserGrant(BOB, { service: 'catalog', role: 'admin' }, stamp);
    expect(await store.usersWithGrants()).toEqual([ALICE, BOB]);

    expect(
      await store.removeGrantsOfUsers([ALICE, 'user:default/none']),
    ).toEqual([
      { userRef: ALICE, service: 'catalog', role: 'viewer' },
      { userRef: ALICE, service: 'identity', role: 'admin' },
    ]);
    expect(await store.usersWithGrants()).toEqual([BOB]);
    expect(await store.removeGrantsOfUsers([])).toEqual([]);
  });
});
