import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { SCIM_SCHEMAS } from '@internal/backstage-plugin-scim-common';
import fc from 'fast-check';
import { Knex } from 'knex';
import { createTestDatabases } from '../../__testUtils__/testDatabases';
import { ScimError } from '../ScimError';
import {
  groupResourceType,
  ScimResourceType,
  userResourceType,
} from '../schema/resourceTypes';
import { filterToSql } from './filterToSql';
import { parseScimFilter } from './parseScimFilter';

jest.setTimeout(60_000);

const E = SCIM_SCHEMAS.enterpriseUser;
const CAROL = "carol'; DROP TABLE scim_users; --";
const ALL_USERS = ['alice', 'bob', 'carol', 'dave'];
const ALL_GROUPS = ['empty', 'eng', 'sales'];

const migrationsDir = resolvePackagePath(
  '@internal/backstage-plugin-scim-backend',
  'migrations',
);

/** A scim_users row as the user store writes it. */
const userRow = (
  id: string,
  attributes: Record<string, unknown>,
  createdAt: string,
  updatedAt = createdAt,
) => ({
  id,
  user_name: attributes.userName,
  user_name_norm: String(attributes.userName).toLowerCase(),
  external_id: attributes.externalId ?? null,
  display_name: attributes.displayName ?? null,
  active: attributes.active !== false,
  data: JSON.stringify(attributes),
  created_at: createdAt,
  updated_at: updatedAt,
});

/** A scim_groups row as the group store writes it. */
const groupRow = (
  id: string,
  attributes: Record<string, unknown>,
  createdAt: string,
  updatedAt = createdAt,
) => ({
  id,
  display_name: attributes.displayName,
  display_name_norm: String(attributes.displayName).toLowerCase(),
  external_id: attributes.externalId ?? null,
  data: JSON.stringify(attributes),
  created_at: createdAt,
  updated_at: updatedAt,
});

const USERS = [
  userRow(
    'alice',
    {
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
      [E]: {
        employeeNumber: '1001',
        department: 'R&D',
        manager: { value: 'dave' },
      },
    },
    '2026-01-01T00:00:00.000Z',
    '2026-06-01T12:00:00.000Z',
  ),
  userRow(
    'bob',
    {
      userName: 'bob@example.com',
      externalId: 'ext-bob',
      displayName: 'Bob 100%_done',
      active: false,
      emails: [
        { type: 'home', value: 'bob@example.com' },
        { type: 'work', value: 'bob.work@example.com' },
      ],
    },
    '2026-02-01T00:00:00.000Z',
  ),
  userRow(
    'carol',
    { userName: CAROL, nickName: 'C:\\path', emails: [] },
    '2026-03-01T00:00:00.000Z',
    '2026-11-28T21:49:09.123Z',
  ),
  userRow(
    'dave',
    {
      userName: 'dave',
      displayName: "Dave O'Brien",
      active: true,
      title: 'Manager',
      emails: [{ type: 'work', value: 'DAVE@EXAMPLE.COM' }],
      [E]: { department: 'Sales' },
    },
    '2026-04-01T00:00:00.000Z',
  ),
];

const GROUPS = [
  groupRow(
    'eng',
    { displayName: 'Engineering', externalId: 'g-1' },
    '2026-01-01T00:00:00.000Z',
    '2026-07-01T00:00:00.000Z',
  ),
  groupRow('empty', { displayName: 'Empty Group' }, '2026-01-02T00:00:00.000Z'),
  groupRow(
    'sales',
    { displayName: 'Sales_Team', externalId: 'G-2' },
    '2026-01-03T00:00:00.000Z',
  ),
];

const MEMBERSHIPS = [
  { group_id: 'eng', user_id: 'alice' },
  { group_id: 'eng', user_id: 'dave' },
  { group_id: 'sales', user_id: 'bob' },
];

const isInvalidFilter = (error: unknown) =>
  error instanceof ScimError &&
  error.status === 400 &&
  error.scimType === 'invalidFilter';

const tableOf = (resourceType: ScimResourceType) =>
  resourceType.name === 'User' ? 'scim_users' : 'scim_groups';

const databases = createTestDatabases();

describe.each(databases.eachSupportedId())('filterToSql on %p', databaseId => {
  let knex: Knex;

  const query = (resourceType: ScimResourceType, filter: string) => {
    const condition = filterToSql(knex, resourceType, parseScimFilter(filter));
    return knex(tableOf(resourceType))
      .whereRaw(condition.sql, condition.bindings as Knex.RawBinding[])
      .select('id')
      .orderBy('id');
  };
  const matching = async (resourceType: ScimResourceType, filter: string) =>
    (await query(resourceType, filter)).map(row => row.id);

  /** The query plan as text; on PostgreSQL without sequential scans, so that only an unusable index shows a scan. */
  const queryPlan = async (built: Knex.QueryBuilder) => {
    const { sql, bindings } = built.toSQL();
    if (databaseId === 'SQLITE_3') {
      const rows = await knex.raw(`EXPLAIN QUERY PLAN ${sql}`, bindings);
      return rows.map((row: { detail: string }) => row.detail).join('\n');
    }
    return knex.transaction(async trx => {
      await trx.raw('SET LOCAL enable_seqscan = off');
      const result = await trx.raw(`EXPLAIN ${sql}`, bindings);
      return result.rows
        .map((row: Record<string, string>) => row['QUERY PLAN'])
        .join('\n');
    });
  };

  beforeAll(async () => {
    knex = await databases.init(databaseId);
    await knex.migrate.latest({ directory: migrationsDir });
    await knex('scim_users').insert(USERS);
    await knex('scim_groups').insert(GROUPS);
    await knex('scim_group_members').insert(MEMBERSHIPS);
  });

  describe('users', () => {
    it.each([
      // userName: the lower-cased column, case-insensitive.
      ['userName eq "alice@example.com"', ['alice']],
      ['userName eq "ALICE@EXAMPLE.COM"', ['alice']],
      ['UserName EQ "ALICE@example.COM"', ['alice']],
      [
        'urn:ietf:params:scim:schemas:core:2.0:User:userName eq "BOB@example.com"',
        ['bob'],
      ],
      ['userName ne "alice@example.com"', ['bob', 'carol', 'dave']],
      ['userName co "EXAMPLE"', ['alice', 'bob']],
      ['userName sw "DA"', ['dave']],
      ['userName ew ".COM"', ['alice', 'bob']],
      ['userName gt "bob@example.com"', ['carol', 'dave']],
      ['userName ge "BOB@example.com"', ['bob', 'carol', 'dave']],
      ['userName lt "BOB@example.com"', ['alice']],
      ['userName le "bob@example.com"', ['alice', 'bob']],
      ['userName pr', ALL_USERS],
      // id and externalId are caseExact; ordering is byte order.
      ['id eq "alice"', ['alice']],
      ['id eq "ALICE"', []],
      ['externalId eq "ext-Alice"', ['alice']],
      ['externalId eq "EXT-ALICE"', []],
      ['externalId sw "ext-a"', []],
      ['externalId co "-A"', ['alice']],
      ['externalId gt "ext-C"', ['bob']],
      ['externalId pr', ['alice', 'bob']],
      // displayName: a column compared with lower().
      ['displayName eq "ALICE ADAMS"', ['alice']],
      ['displayName eq "Dave O\\u0027Brien"', ['dave']],
      ['displayName co "o\'b"', ['dave']],
      ['displayName sw "ali"', ['alice']],
      ['displayName pr', ['alice', 'bob', 'dave']],
      // LIKE wildcards and escapes are plain characters.
      ['displayName co "100%_"', ['bob']],
      ['displayName co "%"', ['bob']],
      ['displayName co "_"', ['bob']],
      ['displayName sw "%"', []],
      ['displayName ew "_DONE"', ['bob']],
      ['nickName eq "c:\\\\path"', ['carol']],
      ['nickName co "\\\\"', ['carol']],
      // SQL-looking values are plain values.
      [`userName eq ${JSON.stringify(CAROL)}`, ['carol']],
      ['userName co "\'; DROP"', ['carol']],
      ["title eq \"x' OR '1'='1\"", []],
      ['displayName eq "\\" OR 1=1 --"', []],
      // active: a boolean column; an absent active is stored as true.
      ['active eq true', ['alice', 'carol', 'dave']],
      ['active eq False', ['bob']],
      ['active ne true', ['bob']],
      // Attributes in the JSON data.
      ['title eq "ENGINEER"', ['alice']],
      ['title ne "engineer"', ['bob', 'carol', 'dave']],
      ['title sw "man"', ['dave']],
      ['title lt "f"', ['alice']],
      ['title pr', ['alice', 'dave']],
      ['title eq null', ['bob', 'carol']],
      ['title ne null', ['alice', 'dave']],
      ['name.familyName eq "ADAMS"', ['alice']],
      ['name.givenName co "lic"', ['alice']],
      ['name.formatted pr', []],
      ['name pr', ['alice']],
      ['name[givenName eq "alice" and familyName sw "ad"]', ['alice']],
      ['name[givenName eq "bob"]', []],
      // Multi-valued: some element matches.
      ['emails pr', ['alice', 'bob', 'dave']],
      ['not (emails pr)', ['carol']],
      ['emails co "example.com"', ['alice', 'bob', 'dave']],
      ['emails eq "dave@example.com"', ['dave']],
      ['emails.value co "HOME"', ['alice']],
      ['emails.value ne "bob@example.com"', ['alice', 'bob', 'dave']],
      ['emails.type eq "work"', ['alice', 'bob', 'dave']],
      ['emails.primary eq true', ['alice']],
      ['emails[type eq "work" and value eq "bob@example.com"]', []],
      ['emails[type eq "home" and value eq "bob@example.com"]', ['bob']],
      ['emails[type eq "work" and primary eq true]', ['alice']],
      ['emails[primary pr]', ['alice']],
      ['emails[not (type eq "work")]', ['alice', 'bob']],
      ['(emails[type eq "home"]) and not (emails[primary eq true])', ['bob']],
      ['phoneNumbers pr', []],
      ['not (phoneNumbers pr)', ALL_USERS],
      // Entra's form ties both conditions to one element.
      ['emails[type eq "work"].value eq "bob.work@example.com"', ['bob']],
      ['emails[type eq "work"].value eq "bob@example.com"', []],
      ['Emails[Type EQ "WORK"].Value Eq "Bob.Work@Example.com"', ['bob']],
      ['emails[type eq "home"].value pr', ['alice', 'bob']],
      // The enterprise extension, by URN, case-insensitively.
      [`${E}:department eq "r&d"`, ['alice']],
      [`${E.toUpperCase()}:DEPARTMENT eq "R&D"`, ['alice']],
      [`${E}:department pr`, ['alice', 'dave']],
      [`${E}:employeeNumber eq "1001"`, ['alice']],
      [`${E}:manager eq "dave"`, ['alice']],
      [`${E}:manager.value eq "DAVE"`, ['alice']],
      [`${E}:manager pr`, ['alice']],
      [`id eq "alice" and ${E}:manager eq "dave"`, ['alice']],
      [`id eq "bob" and ${E}:manager eq "dave"`, []],
      // meta dates: compared as normalised UTC ISO strings.
      ['meta.lastModified gt "2026-05-01T00:00:00Z"', ['alice', 'carol']],
      ['meta.created ge "2026-02-01T00:00:00Z"', ['bob', 'carol', 'dave']],
      ['meta.created lt "2026-02-01"', ['alice']],
      ['meta.created le "2026-02-01T00:00:00.000Z"', ['alice', 'bob']],
      ['meta.lastModified eq "2026-11-28T22:49:09.123+01:00"', ['carol']],
      ['meta.lastModified eq "2026-11-28T21:49:09.123"', ['carol']],
      [
        'meta.lastModified ne "2026-11-28T21:49:09.123Z"',
        ['alice', 'bob', 'dave'],
      ],
      ['meta.created pr', ALL_USERS],
      ['meta.resourceType eq "User"', ALL_USERS],
      ['meta.resourceType eq "user"', []],
      ['meta.resourceType eq "Group"', []],
      // schemas: the core schema always, the extension when it has data.
      [`schemas eq "${E}"`, ['alice', 'dave']],
      [`not (schemas eq "${E}")`, ['bob', 'carol']],
      ['schemas eq "urn:ietf:params:scim:schemas:core:2.0:User"', ALL_USERS],
      // groups: rows of scim_group_members.
      ['groups pr', ['alice', 'bob', 'dave']],
      ['not (groups pr)', ['carol']],
      ['groups eq "eng"', ['alice', 'dave']],
      ['groups.value eq "SALES"', ['bob']],
      ['groups[value eq "eng"]', ['alice', 'dave']],
      ['groups[display eq "engineering"]', ['alice', 'dave']],
      ['groups.display sw "sales_"', ['bob']],
      ['groups.type eq "direct"', ['alice', 'bob', 'dave']],
      ['groups[value eq "eng" and display eq "Sales_Team"]', []],
      // Logic: and binds tighter than or; not keeps absent attributes.
      ['userName sw "bob" or userName ew ".COM"', ['alice', 'bob']],
      ['userName sw "a" or userName sw "b" and active eq true', ['alice']],
      ['(userName sw "a" or userName sw "b") and active eq false', ['bob']],
      [
        '(title pr or active eq false) and not (userName sw "a")',
        ['bob', 'dave'],
      ],
      ['not (title eq "engineer")', ['bob', 'carol', 'dave']],
      ['not (not (title pr))', ['alice', 'dave']],
      ['not (title eq "engineer" or emails pr)', ['carol']],
      ['userName eq "a" Or userName eq "dave"', ['dave']],
    ])('%s', async (filter, expected) => {
      expect(await matching(userResourceType, filter)).toEqual(expected);
    });

    it('leaves the table intact after SQL-looking values', async () => {
      await matching(userResourceType, `userName eq ${JSON.stringify(CAROL)}`);
      expect(await matching(userResourceType, 'userName pr')).toEqual(
        ALL_USERS,
      );
    });
  });

  describe('groups', () => {
    it.each([
      ['displayName eq "engineering"', ['eng']],
      ['displayName eq "ENGINEERING"', ['eng']],
      ['displayName co "_"', ['sales']],
      ['displayName sw "SALES_"', ['sales']],
      ['displayName ew "group"', ['empty']],
      ['displayName gt "f"', ['sales']],
      ['id eq "eng"', ['eng']],
      ['externalId eq "g-1"', ['eng']],
      ['externalId eq "g-2"', []],
      ['externalId eq "G-2"', ['sales']],
      ['displayName pr and not (externalId pr)', ['empty']],
      ['members pr', ['eng', 'sales']],
      ['not (members pr)', ['empty']],
      ['members eq "alice"', ['eng']],
      ['members.value eq "ALICE"', ['eng']],
      ['members[value eq "bob"]', ['sales']],
      ['members[value eq "alice" or value eq "bob"]', ['eng', 'sales']],
      ['members.display eq "ALICE ADAMS"', ['eng']],
      ['members.display co "%"', ['sales']],
      ['members.type eq "User"', ['eng', 'sales']],
      // The Microsoft SCIM validator's membership check.
      ['id eq "eng" and members eq "dave"', ['eng']],
      ['id eq "eng" and members eq "bob"', []],
      ['meta.lastModified gt "2026-06-01T00:00:00Z"', ['eng']],
      ['meta.created lt "2026-01-02T00:00:00Z"', ['eng']],
      ['schemas eq "urn:ietf:params:scim:schemas:core:2.0:Group"', ALL_GROUPS],
      [`schemas eq "${E}"`, []],
    ])('%s', async (filter, expected) => {
      expect(await matching(groupResourceType, filter)).toEqual(expected);
    });
  });

  it.each([
    'nope eq "x"',
    'department eq "Sales"',
    'urn:example:unknown:attr eq "x"',
    'name eq "x"',
    'addresses eq "x"',
    'active gt true',
    'active eq "yes"',
    'active eq "True"',
    'emails.primary co true',
    'userName eq true',
    'userName eq 42',
    'userName gt null',
    'meta.created gt "not a date"',
    'meta.created gt "2026-13-45T00:00:00Z"',
    'meta.created co "2026"',
    'meta.location eq "x"',
    'meta pr',
    'meta.resourceType eq true',
    'emails[nope eq "x"]',
    'emails[emails.value eq "x"]',
    'emails.value[type eq "work"]',
    'userName[value eq "x"]',
    'schemas[value eq "x"]',
    'groups[nope eq "x"]',
  ])('rejects %s with 400 invalidFilter', filter => {
    expect(() =>
      filterToSql(knex, userResourceType, parseScimFilter(filter)),
    ).toThrow(
      expect.objectContaining({ status: 400, scimType: 'invalidFilter' }),
    );
  });

  it.each([
    ['455 alternatives', Array(455).fill('id pr').join(' or ')],
    [
      'and/or/not/[] nested 32 levels deep',
      `${'not (title pr or '.repeat(15)}emails[type eq "a"]${')'.repeat(15)}`,
    ],
  ])(
    'runs the largest filters the limits let through: %s',
    async (_, filter) => {
      expect(filter.length).toBeLessThanOrEqual(4096);
      await expect(matching(userResourceType, filter)).resolves.toBeDefined();
    },
  );

  it('rejects user attributes on groups', () => {
    expect(() =>
      filterToSql(knex, groupResourceType, parseScimFilter('userName pr')),
    ).toThrow(expect.objectContaining({ scimType: 'invalidFilter' }));
  });

  describe('index use', () => {
    it('looks userName up in the unique index of user_name_norm', async () => {
      const built = query(userResourceType, 'userName eq "ALICE@example.com"');
      const { sql, bindings } = built.toSQL().toNative();
      expect(sql).toMatch(/scim_users\.user_name_norm = (\?|\$1)/);
      expect(bindings).toEqual(['alice@example.com']);
      const plan = await queryPlan(built);
      expect(plan).toMatch(/scim_users_user_name_norm_unique/);
      expect(plan).not.toMatch(/SCAN scim_users\b/);
    });

    it.each([
      [
        userResourceType,
        'externalId eq "ext-bob"',
        /scim_users_external_id_index/,
      ],
      [
        groupResourceType,
        'displayName eq "Engineering"',
        /scim_groups_display_name_norm_unique/,
      ],
      [
        groupResourceType,
        'id eq "eng" and members eq "dave"',
        /scim_groups_pkey|sqlite_autoindex_scim_groups/,
      ],
    ])(
      'looks up %#: %s through an index',
      async (resourceType, filter, index) => {
        const plan = await queryPlan(query(resourceType, filter));
        expect(plan).toMatch(index);
        expect(plan).not.toMatch(/SCAN scim_(users|groups)\b/);
        expect(plan).not.toMatch(/Seq Scan/);
      },
    );
  });

  describe('random filters', () => {
    type Kind = 'string' | 'boolean' | 'dateTime';
    /** Attributes and the kind of value they take; some are invalid on purpose. */
    const attributes: Record<
      ScimResourceType['name'],
      Array<[string, Kind]>
    > = {
      User: [
        ['userName', 'string'],
        ['displayName', 'string'],
        ['active', 'boolean'],
        ['title', 'string'],
        ['id', 'string'],
        ['name.givenName', 'string'],
        ['emails', 'string'],
        ['emails.value', 'string'],
        ['emails.primary', 'boolean'],
        ['groups', 'string'],
        ['groups.display', 'string'],
        ['meta.created', 'dateTime'],
        ['meta.resourceType', 'string'],
        ['schemas', 'string'],
        [`${E}:manager`, 'string'],
        [`${E}:department`, 'string'],
        ['name', 'string'],
        ['bogus', 'string'],
      ],
      Group: [
        ['displayName', 'string'],
        ['externalId', 'string'],
        ['id', 'string'],
        ['members', 'string'],
        ['members.value', 'string'],
        ['members.display', 'string'],
        ['meta.lastModified', 'dateTime'],
        ['schemas', 'string'],
        ['userName', 'string'],
      ],
    };
    const valuePathAttributes = {
      User: ['emails', 'phoneNumbers', 'groups', 'name'],
      Group: ['members'],
    };
    const subAttributes: Array<[string, Kind]> = [
      ['value', 'string'],
      ['type', 'string'],
      ['primary', 'boolean'],
      ['display', 'string'],
      ['nope', 'string'],
    ];

    const text = fc
      .oneof(
        fc.string(),
        fc.string({
          unit: fc.constantFrom('%', '_', '\\', "'", '"', ']', 'a', 'Z', ';'),
        }),
      )
      .map(s => JSON.stringify(s));
    const values: Record<Kind, fc.Arbitrary<string>> = {
      string: fc.oneof(text, fc.constantFrom('"alice"', '"eng"', '"work"')),
      boolean: fc.constantFrom('true', 'false', 'False'),
      dateTime: fc.constantFrom(
        '"2026-01-01T00:00:00Z"',
        '"2026-06-01"',
        '"2026-11-28T22:49:09.123+01:00"',
      ),
    };
    const operators: Record<Kind, fc.Arbitrary<string>> = {
      string: fc.constantFrom(
        ...['eq', 'ne', 'co', 'sw', 'ew', 'gt', 'ge', 'lt', 'le', 'EQ', 'Co'],
      ),
      boolean: fc.constantFrom('eq', 'ne', 'Eq'),
      dateTime: fc.constantFrom('eq', 'ne', 'gt', 'ge', 'lt', 'le'),
    };
    const anyValue = fc.oneof(
      values.string,
      values.boolean,
      values.dateTime,
      fc.constantFrom('null', '42', '"not a date"'),
    );

    /** `attribute op value`, mostly well-typed, sometimes not, or `attribute pr`. */
    const comparison = ([name, kind]: [string, Kind]) =>
      fc
        .oneof(
          { weight: 4, arbitrary: fc.tuple(operators[kind], values[kind]) },
          { weight: 1, arbitrary: fc.tuple(operators.string, anyValue) },
          { weight: 1, arbitrary: fc.constant(['pr', '']) },
        )
        .map(([op, value]) => `${name} ${op} ${value}`.trimEnd());

    const filterFor = (resourceType: ScimResourceType) => {
      const term = fc
        .constantFrom(...attributes[resourceType.name])
        .chain(comparison);
      const elementTerm = fc.constantFrom(...subAttributes).chain(comparison);
      const valuePath = fc.constantFrom(
        ...valuePathAttributes[resourceType.name],
      );
      const { filter } = fc.letrec<{ filter: string }>(tie => ({
        filter: fc.oneof(
          { depthSize: 'small', withCrossShrink: true },
          term,
          fc.tuple(valuePath, elementTerm).map(([a, t]) => `${a}[${t}]`),
          // Entra's `emails[type eq "work"].value eq "x"`
          fc
            .tuple(valuePath, elementTerm, elementTerm)
            .map(([a, t, u]) => `${a}[${t}].${u}`),
          fc
            .tuple(
              tie('filter'),
              fc.constantFrom('and', 'or', 'AND'),
              tie('filter'),
            )
            .map(([a, l, b]) => `${a} ${l} ${b}`),
          tie('filter').map(f => `not (${f})`),
          tie('filter').map(f => `(${f})`),
        ),
      }));
      return fc.oneof(
        { weight: 4, arbitrary: filter },
        { weight: 1, arbitrary: fc.string() },
      );
    };

    it.each([userResourceType, groupResourceType])(
      'on $name run or fail with 400 invalidFilter, never with an SQL error',
      async resourceType => {
        const outcomes = { ran: 0, rejected: 0 };
        await fc.assert(
          fc.asyncProperty(filterFor(resourceType), async filter => {
            const outcome = await Promise.resolve()
              .then(() => query(resourceType, filter))
              .then(
                () => 'ran' as const,
                error => (isInvalidFilter(error) ? 'rejected' : error),
              );
            expect(['ran', 'rejected']).toContain(outcome);
            outcomes[outcome as 'ran' | 'rejected']++;
          }),
          { numRuns: 400 },
        );
        // The generator must reach both outcomes to test anything.
        expect(outcomes.ran).toBeGreaterThan(80);
        expect(outcomes.rejected).toBeGreaterThan(40);
      },
    );
  });
});
