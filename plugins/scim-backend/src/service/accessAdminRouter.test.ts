import {
  mockCredentials,
  mockErrorHandler,
  mockServices,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import express from 'express';
import { Knex } from 'knex';
import request from 'supertest';
import {
  createTestDatabases,
  initScimDatabase,
} from '../__testUtils__/testDatabases';
import { AccessControlService } from '../access/AccessControlService';
import { AccessStore } from '../access/AccessStore';
import {
  AccessUserDirectory,
  UserMembership,
} from '../access/CatalogUserDirectory';
import { DEFAULT_ACCESS_SERVICES } from '../access/defaultAccessServices';
import { DatabaseAuditStore } from '../database/DatabaseAuditStore';
import { createAccessAdminRouter } from './accessAdminRouter';
import { createAccessServiceRouter } from './accessServiceRouter';
import { AuditLog } from './AuditLog';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const READ = 'scim.settings.read';
const MANAGE = 'scim.settings.manage';
const ADMIN = 'user:default/mock';
const ALICE = 'user:default/alice';
const DEVS = 'group:default/devs';
const enc = encodeURIComponent;

/** Every route, the permission it needs and a valid body. */
const ROUTES: Array<[string, string, string, object | undefined]> = [
  ['get', '/admin/access/services', READ, undefined],
  ['get', '/admin/access/groups', READ, undefined],
  ['get', `/admin/access/groups/${enc(DEVS)}`, READ, undefined],
  ['put', `/admin/access/groups/${enc(DEVS)}`, MANAGE, { grants: [] }],
  ['get', `/admin/access/users/${enc(ALICE)}`, READ, undefined],
  [
    'post',
    `/admin/access/users/${enc(ALICE)}/roles`,
    MANAGE,
    { service: 'catalog', role: 'viewer' },
  ],
  [
    'delete',
    `/admin/access/users/${enc(ALICE)}/roles/catalog/viewer`,
    MANAGE,
    undefined,
  ],
  [
    'delete',
    `/admin/access/users/${enc(ALICE)}/roles`,
    MANAGE,
    { service: 'catalog', role: 'viewer' },
  ],
  ['post', '/admin/access/manual-roles/remove-idp-users', MANAGE, undefined],
];

describe.each(databases.eachSupportedId())(
  'access routers on %p',
  databaseId => {
    let db: Knex;
    let memberships: Map<string, UserMembership>;
    let idpUsers: Set<string>;
    let granted: Set<string>;
    let app: express.Express;

    const call = (method: string, path: string, body?: object) => {
      const req = (request(app) as any)
        [method](path)
        .set('Authorization', mockCredentials.user.header(ADMIN));
      return body ? req.send(body) : req;
    };

    beforeEach(async () => {
      db = await initScimDatabase(databases, databaseId);
      memberships = new Map([[ALICE, { active: true, groupRefs: [DEVS] }]]);
      idpUsers = new Set([ALICE]);
      granted = new Set([READ, MANAGE]);
      const directory: AccessUserDirectory = {
        membership: async ref =>
          memberships.get(ref) ?? { active: false, groupRefs: [] },
        idpProvisioned: async refs => refs.filter(ref => idpUsers.has(ref)),
      };
      const access = new AccessControlService({
        services: DEFAULT_ACCESS_SERVICES,
        store: new AccessStore(db),
        directory,
        audit: new AuditLog(new DatabaseAuditStore(db)),
      });
      const permissions = mockServices.permissions.mock({
        authorize: async requests =>
          requests.map(({ permission }) => ({
            result: granted.has(permission.name)
              ? AuthorizeResult.ALLOW
              : AuthorizeResult.DENY,
          })) as any,
      });
      const httpAuth = mockServices.httpAuth();
      app = express()
        .use(
          '/admin/access',
          createAccessAdminRouter({ access, httpAuth, permissions }),
        )
        .use('/access', createAccessServiceRouter({ access, httpAuth }))
        .use(mockErrorHandler());
    });

    it.each(ROUTES)(
      '%s %s needs %s',
      async (method, path, permission, body) => {
        granted.delete(permission);
        const res = await call(method, path, body).expect(403);
        expect(res.body.error.message).toBe(
          `You need the ${permission} permission`,
        );
        await (request(app) as any)
          [method](path)
          .set('Authorization', mockCredentials.none.header())
          .expect(401);
      },
    );

    it('lists the configured services and roles', async () => {
      const res = await call('get', '/admin/access/services').expect(200);
      expect(res.body.items.map((s: { id: string }) => s.id)).toEqual([
        'catalog',
        'scaffolder',
        'techdocs',
        'identity',
      ]);
      expect(res.body.items[0].roles.map((r: { id: string }) => r.id)).toEqual([
        'viewer',
        'editor',
        'admin',
      ]);
    });

    it('updates group access by service, with any spelling of the ref', async () => {
      await call('put', `/admin/access/groups/${enc('Group:Default/Devs')}`, {
        grants: [
          { service: 'catalog', role: 'viewer' },
          { service: 'techdocs', role: 'reader' },
        ],
      }).expect(200);
      const res = await call('put', `/admin/access/groups/${enc(DEVS)}`, {
        services: ['catalog', 'scaffolder'],
        grants: [{ service: 'scaffolder', role: 'user' }],
      }).expect(200);
      expect(res.body).toEqual({
        groupEntityRef: DEVS,
        grants: [
          { service: 'scaffolder', role: 'user' },
          { service: 'techdocs', role: 'reader' },
        ],
        unknown: [],
      });
      expect(
        (await call('get', `/admin/access/groups/${enc(DEVS)}`).expect(200))
          .body,
      ).toEqual(res.body);
      expect(
        (await call('get', '/admin/access/groups').expect(200)).body,
      ).toEqual({ items: [res.body] });
    });

    it.each([
      [
        'not an entity ref',
        { grants: [] },
        'groupEntityRef must be an entity ref like group:default/name, got "devs"',
        'devs',
      ],
      [
        'a user ref',
        { grants: [] },
        'groupEntityRef must be a group entity ref, got "user:default/alice"',
        ALICE,
      ],
      ['no grants', {}, 'grants must be an array of { service, role }', DEVS],
      [
        'a grant without role',
        { grants: [{ service: 'catalog' }] },
        'grants[0].role must be a non-empty string',
        DEVS,
      ],
      [
        'an unknown service',
        { grants: [{ service: 'jenkins', role: 'admin' }] },
        'grants[0].service: unknown service "jenkins"',
        DEVS,
      ],
      [
        'an unknown role',
        { grants: [{ service: 'catalog', role: 'owner' }] },
        'grants[0].role: unknown role "owner" of service "catalog"',
        DEVS,
      ],
      [
        'a grant outside services',
        {
          services: ['techdocs'],
          grants: [{ service: 'catalog', role: 'viewer' }],
        },
        'grants[0].service "catalog" is not one of services',
        DEVS,
      ],
      [
        'services not an array',
        { services: 'catalog', grants: [] },
        'services must be an array of service ids',
        DEVS,
      ],
    ])('rejects a group update with %s', async (_case, body, message, ref) => {
      const res = await call(
        'put',
        `/admin/access/groups/${enc(ref)}`,
        body,
      ).expect(400);
      expect(res.body.error.message).toBe(message);
    });

    it('adds and removes manual roles, by path and by body', async () => {
      const added = await call(
        'post',
        `/admin/access/users/${enc(ALICE)}/roles`,
        { service: 'catalog', role: 'viewer' },
      ).expect(201);
      expect(added.body).toEqual({
        userEntityRef: ALICE,
        active: true,
        manual: [{ service: 'catalog', role: 'viewer' }],
        effective: [
          { service: 'catalog', role: 'viewer', sources: ['manual'] },
        ],
        unknown: [],
      });
      await call('post', `/admin/access/users/${enc(ALICE)}/roles`, {
        service: 'identity',
        role: 'admin',
      }).expect(201);

      await call(
        'delete',
        `/admin/access/users/${enc(ALICE)}/roles/catalog/viewer`,
      ).expect(204);
      await call('delete', `/admin/access/users/${enc(ALICE)}/roles`, {
        service: 'identity',
        role: 'admin',
      }).expect(204);
      await call(
        'delete',
        `/admin/access/users/${enc(ALICE)}/roles/catalog/viewer`,
      ).expect(404);
      const res = await call('get', `/admin/access/users/${enc(ALICE)}`).expect(
        200,
      );
      expect(res.body.manual).toEqual([]);

      const bad = await call(
        'post',
        `/admin/access/users/${enc(ALICE)}/roles`,
        {
          service: 'catalog',
          role: 'owner',
        },
      ).expect(400);
      expect(bad.body.error.message).toBe(
        'body.role: unknown role "owner" of service "catalog"',
      );
      const notUser = await call(
        'post',
        `/admin/access/users/${enc(DEVS)}/roles`,
        {
          service: 'catalog',
          role: 'viewer',
        },
      ).expect(400);
      expect(notUser.body.error.message).toBe(
        'userEntityRef must be a user entity ref, got "group:default/devs"',
      );
    });

    it('removes the manual roles of IdP-provisioned users in one call', async () => {
      const bob = 'user:default/bob';
      for (const user of [ALICE, bob]) {
        await call('post', `/admin/access/users/${enc(user)}/roles`, {
          service: 'catalog',
          role: 'admin',
        }).expect(201);
      }
      const res = await call(
        'post',
        '/admin/access/manual-roles/remove-idp-users',
      ).expect(200);
      expect(res.body).toEqual({ users: 1, removed: 1 });
      expect(
        (await call('get', `/admin/access/users/${enc(ALICE)}`)).body.manual,
      ).toEqual([]);
      expect(
        (await call('get', `/admin/access/users/${enc(bob)}`)).body.manual,
      ).toEqual([{ service: 'catalog', role: 'admin' }]);
    });

    it('serves other plugins the effective roles and their rules, and never users', async () => {
      await call('put', `/admin/access/groups/${enc(DEVS)}`, {
        grants: [{ service: 'catalog', role: 'viewer' }],
      }).expect(200);
      const res = await request(app)
        .get(`/access/users/${enc(ALICE)}`)
        .set('Authorization', mockCredentials.service.header())
        .expect(200);
      expect(res.body).toMatchObject({
        userEntityRef: ALICE,
        active: true,
        effective: [{ service: 'catalog', role: 'viewer', sources: [DEVS] }],
        permissions: [
          { resourceType: 'catalog-entity', action: 'read' },
          { name: 'catalog.location.read' },
        ],
      });
      await request(app)
        .get(`/access/users/${enc(ALICE)}`)
        .set('Authorization', mockCredentials.user.header(ALICE))
        .expect(403);
      await request(app)
        .get('/access/users/alice')
        .set('Authorization', mockCredentials.service.header())
        .expect(400);
    });
  },
);
