import { SCIM_SCHEMAS } from '@internal/backstage-plugin-scim-common';
import fc from 'fast-check';
import { Knex } from 'knex';
import { migrateScimDatabase } from '../../database/migrateScimDatabase';
import { ScimGroupStore } from '../../database/ScimGroupStore';
import { ScimUserStore } from '../../database/ScimUserStore';
import { createTestDatabases } from '../../__testUtils__/testDatabases';
import { ScimError } from '../ScimError';
import { groupResourceType, userResourceType } from '../schema/resourceTypes';
import { filterToKnex } from './filterToKnex';
import { parseScimFilter } from './parseScimFilter';

jest.setTimeout(60_000);

const ENTERPRISE = SCIM_SCHEMAS.enterpriseUser;
const databases = createTestDatabases();

describe.each(databases.eachSupportedId())('SCIM filters on %p', databaseId => {
  let db: Knex;
  const ids: Record<string, string> = {};

  const usersMatching = async (filter: string) => {
    const rows = await db('scim_users')
      .where(filterToKnex(db, userResourceType, parseScimFilter(filter)))
      .select('user_name');
    return rows.map(r => r.user_name).sort();
  };
  const groupsMatching = async (filter: string) => {
    const rows = await db('scim_groups')
      .where(filterToKnex(db, groupResourceType, parseScimFilter(filter)))
      .select('display_name');
    return rows.map(r => r.display_name).sort();
  };

  /** The query plan as text; on PostgreSQL with sequential scans off, so an unusable index shows. */
  const queryPlan = async ({ sql, bindings }: Knex.Sql) => {
    if (databaseId === 'SQLITE_3') {
      const rows = await db.raw(`EXPLAIN QUERY PLAN ${sql}`, bindings);
      return rows.map((row: any) => row.detail).join('\n');
    }
    return db.transaction(async trx => {
      await trx.raw('SET LOCAL enable_seqscan = off');
      const result = await trx.raw(`EXPLAIN ${sql}`, bindings);
      return result.rows.map((row: any) => row['QUERY PLAN']).join('\n');
    });
  };

  beforeAll(async () => {
    db = await databases.init(databaseId);
    await migrateScimDatabase({
      getClient: async () => db,
      migrations: { skip: false },
    });
    const users = new ScimUserStore(db);
    const groups = new ScimGroupStore(db);
    const create = async (attributes: Record<string, unknown>) => {
      ids[attributes.userName as string] = (await users.create(attributes)).id;
    };
    await create({
      userName: 'Alice@Example.com',
      externalId: 'ext-Alice',
      displayName: 'Alice Adams',
      active: true,
      title: 'Engineer',
      name: { givenName: 'Alice', familyName: 'Adams' },
      emails: [
        { type: 'work', value: 'alice@example.com', primary: true },
        { type: 'home', value: 'alice@home.example' },
      ],
      [ENTERPRISE]: { department: 'R&D', manager: { value: 'boss-id' } },
    });
    await create({
      userName: 'bob@example.com',
      externalId: 'ext-bob',
      displayName: 'Bob 100%_done',
      active: false,
      emails: [
        { type: 'home', value: 'bob@example.com' },
        { type: 'work', value: 'bob.work@example.com' },
      ],
    });
    await create({ userName: "carol'; DROP TABLE scim_users; --" });
    const engineering = await groups.create(
      { displayName: 'Engineering', externalId: 'g-1' },
      [ids['Alice@Example.com']],
    );
    ids.Engineering = engineering.id;
    await groups.create({ displayName: 'Empty Group' }, []);
  });

  it.each([
    ['userName eq "alice@example.com"', ['Alice@Example.com']],
    ['userName eq "ALICE@EXAMPLE.COM"', ['Alice@Example.com']],
    ['UserName Eq "ALICE@EXAMPLE.COM"', ['Alice@Example.com']],
    [
      'userName ne "alice@example.com" and userName pr',
      ['bob@example.com', "carol'; DROP TABLE scim_users; --"],
    ],
    ['externalId eq "ext-Alice"', ['Alice@Example.com']],
    ['externalId eq "EXT-ALICE"', []],
    ['displayName eq "alice adams"', ['Alice@Example.com']],
    ['displayName co "100%_"', ['bob@example.com']],
    ['displayName co "%"', ['bob@example.com']],
    ['displayName sw "ALI"', ['Alice@Example.com']],
    ['displayName ew "_DONE"', ['bob@example.com']],
    [
      'userName sw "bob" or userName ew ".COM"',
      ['Alice@Example.com', 'bob@example.com'],
    ],
    ['externalId sw "ext-a"', []],
    ['externalId sw "ext-A"', ['Alice@Example.com']],
    ['active eq false', ['bob@example.com']],
    ['active eq true and title pr', ['Alice@Example.com']],
    ['not (active eq true)', ['bob@example.com']],
    ['title eq "engineer"', ['Alice@Example.com']],
    [
      'title ne "engineer"',
      ['bob@example.com', "carol'; DROP TABLE scim_users; --"],
    ],
    ['title eq null', ['bob@example.com', "carol'; DROP TABLE scim_users; --"]],
    ['name.familyName eq "ADAMS"', ['Alice@Example.com']],
    ['name pr', ['Alice@Example.com']],
    ['emails pr', ['Alice@Example.com', 'bob@example.com']],
    ['emails.value co "home"', ['Alice@Example.com']],
    ['emails eq "bob@example.com"', ['bob@example.com']],
    ['emails[type eq "work" and value eq "bob@example.com"]', []],
    [
      'emails[type eq "work"].value eq "bob.work@example.com"',
      ['bob@example.com'],
    ],
    ['emails[type eq "work"].value eq "bob@example.com"', []],
    ['emails[type eq "work" and primary eq true]', ['Alice@Example.com']],
    ['emails[primary pr]', ['Alice@Example.com']],
    [
      '(emails[type eq "home"]) and not (emails[primary eq true])',
      ['bob@example.com'],
    ],
    [`${ENTERPRISE}:department eq "r&d"`, ['Alice@Example.com']],
    [`${ENTERPRISE}:manager eq "boss-id"`, ['Alice@Example.com']],
    [
      `${ENTERPRISE}:manager.value eq "boss-id" and userName sw "a"`,
      ['Alice@Example.com'],
    ],
    [
      'meta.created gt "2000-01-01T00:00:00Z"',
      [
        'Alice@Example.com',
        'bob@example.com',
        "carol'; DROP TABLE scim_users; --",
      ],
    ],
    ['meta.lastModified lt "2000-01-01"', []],
    [
      'userName eq "carol\'; DROP TABLE scim_users; --"',
      ["carol'; DROP TABLE scim_users; --"],
    ],
    ['userName gt "b" and userName lt "c"', ['bob@example.com']],
  ])('users: %s', async (filter, expected) => {
    expect(await usersMatching(filter)).toEqual(expected);
  });

  it('users: matches by id and by group membership', async () => {
    const alice = ids['Alice@Example.com'];
    expect(await usersMatching(`id eq "${alice}"`)).toEqual([
      'Alice@Example.com',
    ]);
    expect(await usersMatching(`id eq "${alice.toUpperCase()}"`)).toEqual([]);
    expect(await usersMatching(`groups.value eq "${ids.Engineering}"`)).toEqual(
      ['Alice@Example.com'],
    );
    expect(await usersMatching(`groups[display eq "engineering"]`)).toEqual([
      'Alice@Example.com',
    ]);
    expect(await usersMatching('groups pr')).toEqual(['Alice@Example.com']);
  });

  it.each([
    ['displayName eq "engineering"', ['Engineering']],
    ['externalId eq "g-1"', ['Engineering']],
    ['members pr', ['Engineering']],
    ['not (members pr)', ['Empty Group']],
    ['displayName co "group"', ['Empty Group']],
  ])('groups: %s', async (filter, expected) => {
    expect(await groupsMatching(filter)).toEqual(expected);
  });

  it('groups: matches by member', async () => {
    const alice = ids['Alice@Example.com'];
    expect(await groupsMatching(`members[value eq "${alice}"]`)).toEqual([
      'Engineering',
    ]);
    expect(await groupsMatching(`members.value eq "${alice}"`)).toEqual([
      'Engineering',
    ]);
    expect(await groupsMatching(`members.display eq "ALICE ADAMS"`)).toEqual([
      'Engineering',
    ]);
  });

  it.each([
    'userName eq',
    'userName sw O',
    'nope eq "x"',
    'name eq "x"',
    'active gt true',
    'active eq "yes"',
    'userName eq true',
    'meta.created gt "not a date"',
    'meta.location eq "x"',
    'emails[nope eq "x"]',
    'userName[value eq "x"]',
    'urn:example:unknown:attr eq "x"',
    'title gt null',
    `${'not ('.repeat(40)}userName pr${')'.repeat(40)}`,
    `userName eq "${'x'.repeat(5000)}"`,
  ])('rejects %s with 400 invalidFilter', filter => {
    expect(() =>
      filterToKnex(db, userResourceType, parseScimFilter(filter)),
    ).toThrow(
      expect.objectContaining({ status: 400, scimType: 'invalidFilter' }),
    );
  });

  it('looks up userName, externalId and displayName through indexes', async () => {
    const sqlOf = (
      resourceType: typeof userResourceType,
      table: string,
      filter: string,
    ) =>
      db(table)
        .where(filterToKnex(db, resourceType, parseScimFilter(filter)))
        .select('id')
        .toSQL()
        .toNative();
    const byUserName = sqlOf(
      userResourceType,
      'scim_users',
      'userName eq "A@X"',
    );
    expect(byUserName.sql).toMatch(/scim_users\.user_name_norm = [?$]/);
    expect(byUserName.bindings).toEqual(['a@x']);
    expect(
      sqlOf(userResourceType, 'scim_users', 'externalId eq "E"').sql,
    ).toMatch(/scim_users\.external_id = [?$]/);
    expect(
      sqlOf(groupResourceType, 'scim_groups', 'displayName eq "G"').sql,
    ).toMatch(/scim_groups\.display_name_norm = [?$]/);
    const plan = await queryPlan(
      db('scim_users')
        .where(
          filterToKnex(
            db,
            userResourceType,
            parseScimFilter('userName eq "a@x"'),
          ),
        )
        .select('id')
        .toSQL(),
    );
    expect(plan).toMatch(/scim_users_user_name_norm_unique/);
  });

  it('never throws anything but a 400 ScimError or runs failing SQL for random filters', async () => {
    const attribute = fc.constantFrom(
      'userName',
      'displayName',
      'active',
      'emails',
      'emails.value',
      'emails.primary',
      'name.givenName',
      'name',
      'meta.created',
      'groups',
      'groups.value',
      'title',
      'id',
      `${ENTERPRISE}:manager`,
      `${ENTERPRISE}:department`,
      'bogus',
    );
    const op = fc.constantFrom(
      'eq',
      'ne',
      'co',
      'sw',
      'ew',
      'gt',
      'ge',
      'lt',
      'le',
      'EQ',
    );
    const value = fc.oneof(
      fc.string().map(s => JSON.stringify(s)),
      fc.constantFrom('true', 'false', 'null', '42', '"2020-01-01T00:00:00Z"'),
    );
    const comparison = fc.oneof(
      fc.tuple(attribute, op, value).map(([a, o, v]) => `${a} ${o} ${v}`),
      attribute.map(a => `${a} pr`),
      fc
        .tuple(
          fc.constantFrom('emails', 'groups', 'name'),
          attribute,
          op,
          value,
        )
        .map(([a, s, o, v]) => `${a}[${s.split('.').pop()} ${o} ${v}]`),
    );
    const filter = fc.oneof(
      comparison,
      fc
        .tuple(comparison, fc.constantFrom('and', 'or', 'And'), comparison)
        .map(([a, l, b]) => `${a} ${l} ${b}`),
      comparison.map(c => `not (${c})`),
      fc.string(),
    );
    await fc.assert(
      fc.asyncProperty(filter, async text => {
        const outcome = await Promise.resolve()
          .then(() =>
            db('scim_users')
              .where(filterToKnex(db, userResourceType, parseScimFilter(text)))
              .select('id'),
          )
          .then(
            () => 'ran',
            error =>
              error instanceof ScimError && error.status === 400
                ? 'rejected'
                : error,
          );
        expect(['ran', 'rejected']).toContain(outcome);
      }),
      { numRuns: 300 },
    );
  });
});
