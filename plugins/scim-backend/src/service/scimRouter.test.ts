import { mockServices } from '@backstage/backend-test-utils';
import { SCIM_SCHEMAS } from '@internal/backstage-plugin-scim-common';
import express from 'express';
import fc from 'fast-check';
import { Knex } from 'knex';
import request from 'supertest';
import {
  createTestDatabases,
  initScimDatabase,
} from '../__testUtils__/testDatabases';
import { createScimRouter } from './scimRouter';

jest.setTimeout(60_000);

const ENTERPRISE = SCIM_SCHEMAS.enterpriseUser;
const BASE = 'http://localhost:7007/api/scim/v2';
const SCIM_JSON = 'application/scim+json';

/** Microsoft's "Create User" request example for Entra. */
const entraUser = (userName: string, externalId = `ext-${userName}`) => ({
  schemas: [SCIM_SCHEMAS.user, ENTERPRISE],
  externalId,
  userName,
  active: true,
  emails: [{ primary: true, type: 'work', value: `${userName}@testuser.com` }],
  meta: { resourceType: 'User' },
  name: {
    formatted: 'givenName familyName',
    familyName: 'familyName',
    givenName: 'givenName',
  },
  roles: [],
});

/** Microsoft's "Create Group" request example, with its ADSCIM schema URN. */
const entraGroup = (displayName: string) => ({
  schemas: [
    SCIM_SCHEMAS.group,
    'http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group',
  ],
  externalId: `ext-${displayName}`,
  displayName,
  meta: { resourceType: 'Group' },
});

const patchOp = (...Operations: unknown[]) => ({
  schemas: [SCIM_SCHEMAS.patchOp],
  Operations,
});

const databases = createTestDatabases();

describe.each(databases.eachSupportedId())('SCIM router on %p', databaseId => {
  let db: Knex;
  let app: express.Express;

  beforeAll(async () => {
    db = await initScimDatabase(databases, databaseId);
  });

  beforeEach(async () => {
    await db('scim_group_members').delete();
    await db('scim_groups').delete();
    await db('scim_users').delete();
    app = express().use(
      '/v2',
      createScimRouter({
        db,
        config: {
          maxResults: 100,
          maxBodySize: '100kb',
          maxTokenValidityDays: 730,
        },
        logger: mockServices.logger.mock(),
        authenticate: (_req, _res, next) => next(),
        baseUrl: BASE,
      }),
    );
  });

  const createUser = async (
    userName: string,
    extra: Record<string, unknown> = {},
  ) => {
    const res = await request(app)
      .post('/v2/Users')
      .set('Content-Type', SCIM_JSON)
      .send(JSON.stringify({ ...entraUser(userName), ...extra }))
      .expect(201);
    return res.body.id as string;
  };

  const createGroup = async (displayName: string) => {
    const res = await request(app)
      .post('/v2/Groups')
      .send(entraGroup(displayName))
      .expect(201);
    return res.body.id as string;
  };

  const expectScimError = (
    res: request.Response,
    status: number,
    scimType?: string,
  ) => {
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toContain(SCIM_JSON);
    expect(res.body.schemas).toEqual([SCIM_SCHEMAS.error]);
    expect(res.body.status).toBe(String(status));
    expect(typeof res.body.detail).toBe('string');
    expect(res.body.scimType).toBe(scimType);
  };

  describe('users, as Entra provisions them', () => {
    it('creates a user (201) and returns the full resource', async () => {
      const res = await request(app)
        .post('/v2/Users')
        .set('Content-Type', SCIM_JSON)
        .send(JSON.stringify(entraUser('Test_User_ab6490ee')));
      expect(res.status).toBe(201);
      expect(res.headers['content-type']).toContain(SCIM_JSON);
      expect(res.headers.location).toBe(`${BASE}/Users/${res.body.id}`);
      expect(res.body).toEqual({
        schemas: [SCIM_SCHEMAS.user],
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        externalId: 'ext-Test_User_ab6490ee',
        userName: 'Test_User_ab6490ee',
        active: true,
        emails: [
          {
            primary: true,
            type: 'work',
            value: 'Test_User_ab6490ee@testuser.com',
          },
        ],
        name: {
          formatted: 'givenName familyName',
          familyName: 'familyName',
          givenName: 'givenName',
        },
        meta: {
          resourceType: 'User',
          created: expect.any(String),
          lastModified: expect.any(String),
          location: `${BASE}/Users/${res.body.id}`,
          version: 'W/"1"',
        },
      });
    });

    it('answers Test connection (filter on a random guid) with an empty ListResponse', async () => {
      const res = await request(app)
        .get('/v2/Users')
        .query({ filter: 'userName eq "7f1f3e0e-9d4c-4f5e-8a83-1b6c8d8e0b1a"' })
        .expect(200);
      expect(res.body).toEqual({
        schemas: [SCIM_SCHEMAS.listResponse],
        totalResults: 0,
        startIndex: 1,
        itemsPerPage: 0,
        Resources: [],
      });
    });

    it('finds users by userName (case-insensitively), externalId and id', async () => {
      const id = await createUser('Alice@Example.com');
      await createUser('bob@example.com');
      for (const filter of [
        'userName eq "alice@example.com"',
        'USERNAME eq "ALICE@EXAMPLE.COM"',
        'externalId eq "ext-Alice@Example.com"',
        `id eq "${id}"`,
        'emails[type eq "work"].value eq "Alice@Example.com@testuser.com"',
      ]) {
        const res = await request(app)
          .get('/v2/Users')
          .query({ filter })
          .expect(200);
        expect({
          filter,
          ids: res.body.Resources.map((r: any) => r.id),
        }).toEqual({
          filter,
          ids: [id],
        });
        expect(res.body.totalResults).toBe(1);
      }
      // externalId is caseExact
      const res = await request(app)
        .get('/v2/Users')
        .query({ filter: 'externalId eq "EXT-ALICE@EXAMPLE.COM"' })
        .expect(200);
      expect(res.body.totalResults).toBe(0);
    });

    it('applies the PATCH shapes Entra sends and answers 200 with the user', async () => {
      const id = await createUser('carol');
      const res = await request(app)
        .patch(`/v2/Users/${id}`)
        .set('Content-Type', SCIM_JSON)
        .send(
          JSON.stringify(
            patchOp(
              {
                op: 'Replace',
                path: 'emails[type eq "work"].value',
                value: 'carol@new.example',
              },
              { op: 'Replace', path: 'name.familyName', value: 'Newname' },
              {
                op: 'Add',
                path: 'phoneNumbers[type eq "mobile"].value',
                value: '+1 555 0100',
              },
              {
                op: 'Add',
                path: `${ENTERPRISE}:employeeNumber`,
                value: '1234',
              },
              { op: 'Add', path: `${ENTERPRISE}:manager`, value: 'manager-id' },
            ),
          ),
        )
        .expect(200);
      expect(res.body.emails).toEqual([
        { primary: true, type: 'work', value: 'carol@new.example' },
      ]);
      expect(res.body.name.familyName).toBe('Newname');
      expect(res.body.phoneNumbers).toEqual([
        { type: 'mobile', value: '+1 555 0100' },
      ]);
      expect(res.body.schemas).toEqual([SCIM_SCHEMAS.user, ENTERPRISE]);
      expect(res.body[ENTERPRISE]).toEqual({
        employeeNumber: '1234',
        manager: { value: 'manager-id' },
      });
      expect(res.body.meta.version).toBe('W/"2"');
    });

    it('applies a no-path replace with dotted and URN keys (aadOptscim062020)', async () => {
      const id = await createUser('dave');
      const res = await request(app)
        .patch(`/v2/Users/${id}?aadOptscim062020`)
        .send(
          patchOp({
            op: 'replace',
            value: {
              displayName: 'Dave D',
              'name.givenName': 'David',
              [`${ENTERPRISE}:department`]: 'Platform',
            },
          }),
        )
        .expect(200);
      expect(res.body.displayName).toBe('Dave D');
      expect(res.body.name.givenName).toBe('David');
      expect(res.body[ENTERPRISE].department).toBe('Platform');
    });

    it('disables with "False", keeps the user readable, re-enables with true', async () => {
      const id = await createUser('erin');
      await request(app)
        .patch(`/v2/Users/${id}`)
        .send(patchOp({ op: 'Replace', path: 'active', value: 'False' }))
        .expect(200);
      const got = await request(app).get(`/v2/Users/${id}`).expect(200);
      expect(got.body.active).toBe(false);
      const found = await request(app)
        .get('/v2/Users')
        .query({ filter: 'userName eq "erin" and active eq false' })
        .expect(200);
      expect(found.body.totalResults).toBe(1);
      await request(app)
        .patch(`/v2/Users/${id}`)
        .send(patchOp({ op: 'replace', path: 'active', value: true }))
        .expect(200);
      expect((await request(app).get(`/v2/Users/${id}`)).body.active).toBe(
        true,
      );
    });

    it('deletes a user: 204, then 404, and it leaves every group', async () => {
      const id = await createUser('frank');
      const groupId = await createGroup('Frankies');
      await request(app)
        .patch(`/v2/Groups/${groupId}`)
        .send(patchOp({ op: 'Add', path: 'members', value: [{ value: id }] }))
        .expect(204);
      await request(app).delete(`/v2/Users/${id}`).expect(204);
      expectScimError(await request(app).get(`/v2/Users/${id}`), 404);
      expectScimError(await request(app).delete(`/v2/Users/${id}`), 404);
      const group = await request(app).get(`/v2/Groups/${groupId}`).expect(200);
      expect(group.body.members).toEqual([]);
    });

    it('rejects a duplicate userName, case-insensitively, on POST, PUT and PATCH (409)', async () => {
      await createUser('grace@example.com');
      const other = await createUser('heidi@example.com');
      expectScimError(
        await request(app)
          .post('/v2/Users')
          .send(entraUser('GRACE@example.com')),
        409,
        'uniqueness',
      );
      expectScimError(
        await request(app)
          .patch(`/v2/Users/${other}`)
          .send(
            patchOp({
              op: 'Replace',
              path: 'userName',
              value: 'Grace@Example.com',
            }),
          ),
        409,
        'uniqueness',
      );
      expectScimError(
        await request(app)
          .put(`/v2/Users/${other}`)
          .send(entraUser('grace@EXAMPLE.com')),
        409,
        'uniqueness',
      );
      expect((await request(app).get(`/v2/Users/${other}`)).body.userName).toBe(
        'heidi@example.com',
      );
    });

    it('replaces a user with PUT, ignoring id, meta, groups and unknown attributes', async () => {
      const id = await createUser('ivan');
      const res = await request(app)
        .put(`/v2/Users/${id}`)
        .send({
          schemas: [SCIM_SCHEMAS.user, 'urn:example:unknown:2.0:User'],
          id: 'something-else',
          userName: 'ivan',
          displayName: 'Ivan',
          groups: [{ value: 'x' }],
          meta: { resourceType: 'User', created: '2000-01-01T00:00:00Z' },
          favouriteColour: 'blue',
          'urn:example:unknown:2.0:User': { a: 1 },
        })
        .expect(200);
      expect(res.body).toEqual({
        schemas: [SCIM_SCHEMAS.user],
        id,
        userName: 'ivan',
        displayName: 'Ivan',
        meta: expect.objectContaining({ version: 'W/"2"' }),
      });
    });

    it('makes a PATCH atomic: a failing operation applies none', async () => {
      const id = await createUser('judy');
      expectScimError(
        await request(app)
          .patch(`/v2/Users/${id}`)
          .send(
            patchOp(
              { op: 'Replace', path: 'displayName', value: 'Judy' },
              { op: 'Replace', path: 'notAnAttribute', value: 'x' },
            ),
          ),
        400,
        'invalidPath',
      );
      const got = await request(app).get(`/v2/Users/${id}`).expect(200);
      expect(got.body.displayName).toBeUndefined();
      expect(got.body.meta.version).toBe('W/"1"');
    });

    it('honours attributes and excludedAttributes', async () => {
      const id = await createUser('ken');
      const only = await request(app).get(
        `/v2/Users/${id}?attributes=userName,name.givenName`,
      );
      expect(only.body).toEqual({
        schemas: [SCIM_SCHEMAS.user],
        id,
        userName: 'ken',
        name: { givenName: 'givenName' },
      });
      const without = await request(app).get(
        `/v2/Users/${id}?excludedAttributes=emails,meta`,
      );
      expect(without.body.emails).toBeUndefined();
      expect(without.body.meta).toBeUndefined();
      expect(without.body.userName).toBe('ken');
    });

    it('pages lists with 1-based startIndex and caps count', async () => {
      for (const name of ['u1', 'u2', 'u3', 'u4', 'u5']) {
        await createUser(name);
      }
      const page = await request(app)
        .get('/v2/Users?startIndex=2&count=2')
        .expect(200);
      expect(page.body).toMatchObject({
        totalResults: 5,
        startIndex: 2,
        itemsPerPage: 2,
      });
      const all = await request(app).get('/v2/Users?count=1000').expect(200);
      expect(all.body.itemsPerPage).toBe(5);
      const none = await request(app).get('/v2/Users?count=0').expect(200);
      expect(none.body).toMatchObject({
        totalResults: 5,
        itemsPerPage: 0,
        Resources: [],
      });
      const ids = [
        ...(await request(app).get('/v2/Users?startIndex=1&count=2')).body
          .Resources,
        ...(await request(app).get('/v2/Users?startIndex=3&count=2')).body
          .Resources,
        ...(await request(app).get('/v2/Users?startIndex=5&count=2')).body
          .Resources,
      ].map((r: any) => r.id);
      expect(new Set(ids).size).toBe(5);
    });
  });

  describe('groups, as Entra provisions them', () => {
    it('creates a group with the ADSCIM schema and no members', async () => {
      const res = await request(app)
        .post('/v2/Groups')
        .send(entraGroup('Group1DisplayName'));
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        schemas: [SCIM_SCHEMAS.group],
        id: expect.any(String),
        externalId: 'ext-Group1DisplayName',
        displayName: 'Group1DisplayName',
        members: [],
        meta: expect.objectContaining({
          resourceType: 'Group',
          version: 'W/"1"',
        }),
      });
    });

    it('reads groups by id and by displayName with excludedAttributes=members', async () => {
      const id = await createGroup('Engineering');
      const userId = await createUser('leo');
      await request(app)
        .patch(`/v2/Groups/${id}`)
        .send(
          patchOp({
            op: 'Add',
            path: 'members',
            value: [{ $ref: null, value: userId }],
          }),
        )
        .expect(204);
      const byId = await request(app)
        .get(`/v2/Groups/${id}?excludedAttributes=members`)
        .expect(200);
      expect(byId.body.members).toBeUndefined();
      expect(byId.body.displayName).toBe('Engineering');
      const byName = await request(app)
        .get('/v2/Groups')
        .query({
          excludedAttributes: 'members',
          filter: 'displayName eq "engineering"',
        })
        .expect(200);
      expect(byName.body.totalResults).toBe(1);
      expect(byName.body.Resources[0].members).toBeUndefined();
      const full = await request(app).get(`/v2/Groups/${id}`).expect(200);
      expect(full.body.members).toEqual([
        { value: userId, $ref: `${BASE}/Users/${userId}`, type: 'User' },
      ]);
      const user = await request(app).get(`/v2/Users/${userId}`).expect(200);
      expect(user.body.groups).toEqual([
        {
          value: id,
          $ref: `${BASE}/Groups/${id}`,
          display: 'Engineering',
          type: 'direct',
        },
      ]);
    });

    it('adds several members in one PATCH, ignores duplicates, removes in both shapes', async () => {
      const id = await createGroup('Team');
      const [a, b, c, d] = [
        await createUser('a'),
        await createUser('b'),
        await createUser('c'),
        await createUser('d'),
      ];
      await request(app)
        .patch(`/v2/Groups/${id}`)
        .send(
          patchOp({
            op: 'Add',
            path: 'members',
            value: [
              { value: a },
              { value: b },
              { value: c },
              { value: d },
              { value: a },
            ],
          }),
        )
        .expect(204);
      await request(app)
        .patch(`/v2/Groups/${id}`)
        .send(patchOp({ op: 'Add', path: 'members', value: [{ value: a }] }))
        .expect(204);
      await request(app)
        .patch(`/v2/Groups/${id}`)
        .send(patchOp({ op: 'Remove', path: 'members', value: [{ value: a }] }))
        .expect(204);
      await request(app)
        .patch(`/v2/Groups/${id}`)
        .send(patchOp({ op: 'remove', path: `members[value eq "${b}"]` }))
        .expect(204);
      const members = (
        await request(app).get(`/v2/Groups/${id}`)
      ).body.members.map((m: any) => m.value);
      expect(members.sort()).toEqual([c, d].sort());
      await request(app)
        .patch(`/v2/Groups/${id}`)
        .send(
          patchOp({ op: 'Replace', path: 'members', value: [{ value: a }] }),
        )
        .expect(204);
      expect(
        (await request(app).get(`/v2/Groups/${id}`)).body.members.map(
          (m: any) => m.value,
        ),
      ).toEqual([a]);
      await request(app)
        .patch(`/v2/Groups/${id}`)
        .send(patchOp({ op: 'Remove', path: 'members' }))
        .expect(204);
      expect((await request(app).get(`/v2/Groups/${id}`)).body.members).toEqual(
        [],
      );
    });

    it('renames a group (204) and rejects a duplicate displayName (409)', async () => {
      const id = await createGroup('Old name');
      await createGroup('Taken');
      await request(app)
        .patch(`/v2/Groups/${id}`)
        .send(
          patchOp({ op: 'Replace', path: 'displayName', value: 'New name' }),
        )
        .expect(204);
      expect(
        (await request(app).get(`/v2/Groups/${id}`)).body.displayName,
      ).toBe('New name');
      expectScimError(
        await request(app)
          .patch(`/v2/Groups/${id}`)
          .send(
            patchOp({ op: 'Replace', path: 'displayName', value: 'TAKEN' }),
          ),
        409,
        'uniqueness',
      );
      expectScimError(
        await request(app).post('/v2/Groups').send(entraGroup('taken')),
        409,
        'uniqueness',
      );
    });

    it('rejects unknown member ids and applies nothing of that PATCH', async () => {
      const id = await createGroup('Strict');
      const userId = await createUser('mallory');
      expectScimError(
        await request(app)
          .patch(`/v2/Groups/${id}`)
          .send(
            patchOp(
              { op: 'Replace', path: 'displayName', value: 'Changed' },
              {
                op: 'Add',
                path: 'members',
                value: [{ value: userId }, { value: 'no-such-user' }],
              },
            ),
          ),
        400,
        'invalidValue',
      );
      const group = await request(app).get(`/v2/Groups/${id}`).expect(200);
      expect(group.body.displayName).toBe('Strict');
      expect(group.body.members).toEqual([]);
    });

    it('never loses a member under 20 concurrent member-add PATCHes', async () => {
      const id = await createGroup('Busy');
      const userIds: string[] = [];
      for (let i = 0; i < 20; i++) {
        userIds.push(await createUser(`busy-${i}`));
      }
      const responses = await Promise.all(
        userIds.map(userId =>
          request(app)
            .patch(`/v2/Groups/${id}`)
            .send(
              patchOp({
                op: 'Add',
                path: 'members',
                value: [{ value: userId }],
              }),
            ),
        ),
      );
      expect(responses.map(r => r.status)).toEqual(userIds.map(() => 204));
      const members = (await request(app).get(`/v2/Groups/${id}`)).body.members;
      expect(members.map((m: any) => m.value).sort()).toEqual(
        [...userIds].sort(),
      );
    });

    it('replaces a group with PUT, including its members', async () => {
      const id = await createGroup('Put me');
      const userId = await createUser('nina');
      const res = await request(app)
        .put(`/v2/Groups/${id}`)
        .send({ displayName: 'Put me', members: [{ value: userId }] })
        .expect(200);
      expect(res.body.members.map((m: any) => m.value)).toEqual([userId]);
      expect(res.body.externalId).toBeUndefined();
    });

    it('deletes a group', async () => {
      const id = await createGroup('Short lived');
      await request(app).delete(`/v2/Groups/${id}`).expect(204);
      expectScimError(await request(app).get(`/v2/Groups/${id}`), 404);
    });
  });

  describe('errors', () => {
    it('answers malformed JSON with 400 invalidSyntax', async () => {
      expectScimError(
        await request(app)
          .post('/v2/Users')
          .set('Content-Type', SCIM_JSON)
          .send('{"userName":'),
        400,
        'invalidSyntax',
      );
    });

    it('parses a JSON body whatever its content type says', async () => {
      const res = await request(app)
        .post('/v2/Users')
        .set('Content-Type', 'text/plain')
        .send(JSON.stringify(entraUser('plain')));
      expect(res.status).toBe(201);
      expect(res.body.userName).toBe('plain');
      expectScimError(
        await request(app)
          .post('/v2/Users')
          .set('Content-Type', 'text/plain')
          .send('userName=x'),
        400,
        'invalidSyntax',
      );
    });

    it('answers a body over the configured size with 413', async () => {
      expectScimError(
        await request(app)
          .post('/v2/Users')
          .send({ ...entraUser('big'), title: 'x'.repeat(200_000) }),
        413,
      );
    });

    it.each([
      ['a missing userName', { name: { givenName: 'x' } }, 'invalidValue'],
      ['a non-object body', [1, 2], 'invalidSyntax'],
      [
        'a wrongly typed attribute',
        { userName: 'x', active: 'perhaps' },
        'invalidValue',
      ],
      ['a non-string userName', { userName: { a: 1 } }, 'invalidValue'],
    ])('answers %s with 400', async (_, body, scimType) => {
      expectScimError(
        await request(app).post('/v2/Users').send(body),
        400,
        scimType,
      );
    });

    it('answers bad filters with 400 invalidFilter', async () => {
      for (const filter of [
        'userName eq',
        'userName sw O',
        'nope eq "x"',
        '((',
      ]) {
        expectScimError(
          await request(app).get('/v2/Users').query({ filter }),
          400,
          'invalidFilter',
        );
      }
    });

    it('answers unknown ids, endpoints and methods with SCIM errors', async () => {
      expectScimError(await request(app).get('/v2/Users/does-not-exist'), 404);
      expectScimError(await request(app).get('/v2/Groups/does-not-exist'), 404);
      expectScimError(
        await request(app)
          .patch('/v2/Groups/does-not-exist')
          .send(patchOp({ op: 'Add', path: 'members', value: [] })),
        404,
      );
      expectScimError(await request(app).get('/v2/Nope'), 404);
      expectScimError(
        await request(app).post('/v2/ServiceProviderConfig').send({}),
        405,
      );
      expectScimError(
        await request(app)
          .post('/v2/Schemas')
          .set('Content-Type', SCIM_JSON)
          .send('test'),
        405,
      );
      expectScimError(
        await request(app).post('/v2/Users/some-id').send({}),
        405,
      );
    });

    it('never answers a random PATCH body with a 5xx', async () => {
      const id = await createUser('fuzz');
      const groupId = await createGroup('Fuzz');
      const op = fc.record(
        {
          op: fc.oneof(
            fc.constantFrom('add', 'Replace', 'remove', 'REMOVE', 'bogus'),
            fc.anything(),
          ),
          path: fc.oneof(
            fc.constantFrom(
              'userName',
              'active',
              'members',
              'emails[type eq "work"].value',
              `${ENTERPRISE}:manager`,
              'members[value eq "x"]',
              'name.givenName',
              'displayName',
              'x[',
              '',
            ),
            fc.string(),
          ),
          value: fc.anything(),
        },
        { requiredKeys: [] },
      );
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            fc.record({ Operations: fc.array(op, { maxLength: 4 }) }),
            fc.anything(),
          ),
          fc.boolean(),
          async (body, onGroup) => {
            const res = await request(app)
              .patch(onGroup ? `/v2/Groups/${groupId}` : `/v2/Users/${id}`)
              .set('Content-Type', 'application/json')
              .send(JSON.stringify(body ?? null));
            expect(res.status).toBeLessThan(500);
          },
        ),
        { numRuns: 150 },
      );
    });
  });

  describe('discovery', () => {
    it('serves ServiceProviderConfig, Schemas and ResourceTypes', async () => {
      const config = await request(app)
        .get('/v2/ServiceProviderConfig')
        .expect(200);
      expect(config.body).toMatchObject({
        schemas: [SCIM_SCHEMAS.serviceProviderConfig],
        patch: { supported: true },
        bulk: { supported: false },
        filter: { supported: true, maxResults: 100 },
        etag: { supported: false },
        sort: { supported: false },
      });
      const schemas = await request(app).get('/v2/Schemas').expect(200);
      expect(schemas.body.Resources.map((s: any) => s.id)).toEqual([
        SCIM_SCHEMAS.user,
        ENTERPRISE,
        SCIM_SCHEMAS.group,
      ]);
      expect(JSON.stringify(schemas.body)).not.toContain('null');
      const user = await request(app)
        .get(`/v2/Schemas/${SCIM_SCHEMAS.user}`)
        .expect(200);
      expect(
        user.body.attributes.find((a: any) => a.name === 'userName'),
      ).toMatchObject({
        required: true,
        caseExact: false,
        uniqueness: 'server',
      });
      const types = await request(app).get('/v2/ResourceTypes').expect(200);
      expect(types.body.Resources.map((t: any) => t.endpoint)).toEqual([
        '/Users',
        '/Groups',
      ]);
      await request(app).get('/v2/ResourceTypes/User').expect(200);
    });
  });
});
