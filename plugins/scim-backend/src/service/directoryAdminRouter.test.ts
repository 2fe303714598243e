import {
  AuthService,
  coreServices,
  createBackendModule,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockErrorHandler,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import {
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
  Entity,
} from '@backstage/catalog-model';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import {
  CatalogService,
  catalogProcessingExtensionPoint,
  catalogServiceRef,
} from '@backstage/plugin-catalog-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  MANAGED_BY_IDENTITY_PROVIDER,
  MANAGED_BY_LABEL,
  SCIM_ANNOTATIONS,
} from '@internal/backstage-plugin-scim-common';
import express from 'express';
import request from 'supertest';
import {
  createTestDatabases,
  initScimDatabase,
} from '../__testUtils__/testDatabases';
import { ScimGroupStore } from '../database/ScimGroupStore';
import { ScimUserStore } from '../database/ScimUserStore';
import { StoredResource } from '../database/ScimResourceTable';
import { DirectoryService } from '../directory/DirectoryService';
import { ScimDirectoryStore } from '../directory/ScimDirectoryStore';
import { createDirectoryAdminRouter } from './directoryAdminRouter';

jest.setTimeout(120_000);

const databases = createTestDatabases();
const LOCATION = 'directory-test:fixtures';

/** The SCIM rows of one test database; catalog entities point at their ids. */
interface ScimRows {
  alice: StoredResource;
  bob: StoredResource;
  kept: StoredResource;
  dora: StoredResource;
  developers: StoredResource;
}

async function createScimRows(users: ScimUserStore, groups: ScimGroupStore) {
  const user = (name: string, active = true) =>
    users.create({
      userName: `${name}@example.com`,
      displayName: `${name} Example`,
      active,
    });
  const rows = {
    alice: await user('alice'),
    bob: await user('bob'),
    kept: await user('kept', false),
    dora: await user('dora', false),
  };
  const developers = await groups.create({ displayName: 'Developers' }, [
    rows.alice.id,
    rows.dora.id,
  ]);
  return { ...rows, developers };
}

function entity(
  kind: 'User' | 'Group',
  name: string,
  spec: object,
  scim?: { id: string; userName?: string; inactive?: boolean },
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: {
      name,
      annotations: {
        [ANNOTATION_LOCATION]: LOCATION,
        [ANNOTATION_ORIGIN_LOCATION]: LOCATION,
        ...(scim && { [SCIM_ANNOTATIONS.id]: scim.id }),
        ...(scim?.userName && { [SCIM_ANNOTATIONS.userName]: scim.userName }),
        ...(scim?.inactive && { [SCIM_ANNOTATIONS.active]: 'false' }),
      },
      ...(scim && {
        labels: { [MANAGED_BY_LABEL]: MANAGED_BY_IDENTITY_PROVIDER },
      }),
    },
    spec,
  };
}

/** What the SCIM catalog module would emit for the rows, plus Backstage-made entities. */
function catalogEntities(rows: ScimRows): Entity[] {
  const scimUser = (name: keyof ScimRows, inactive = false) =>
    entity(
      'User',
      `${name}_example.com`,
      {
        profile: {
          displayName: `${name} Example`,
          email: `${name}@example.com`,
        },
        memberOf: [],
      },
      { id: rows[name].id, userName: `${name}@example.com`, inactive },
    );
  return [
    scimUser('alice'),
    scimUser('bob'),
    // Deactivated, but kept by `users.inactive: keep`.
    scimUser('kept', true),
    entity('User', 'guest', { profile: {}, memberOf: [] }),
    entity(
      'Group',
      'developers',
      {
        type: 'team',
        profile: { displayName: 'Developers' },
        children: [],
        members: ['user:default/alice_example.com'],
      },
      { id: rows.developers.id },
    ),
    entity('Group', 'platform', {
      type: 'team',
      profile: { displayName: 'Platform team' },
      children: [],
      members: ['user:default/guest', 'user:default/bob_example.com'],
    }),
  ];
}

/** A real catalog holding `entities`, and the services the SCIM plugin would get. */
async function startCatalog(entities: Entity[]) {
  let services: { catalog: CatalogService; auth: AuthService } | undefined;
  const fixtures = createBackendModule({
    pluginId: 'catalog',
    moduleId: 'directory-fixtures',
    register(env) {
      env.registerInit({
        deps: { catalog: catalogProcessingExtensionPoint },
        async init({ catalog }) {
          catalog.addEntityProvider({
            getProviderName: () => 'directory-fixtures',
            connect: connection =>
              connection.applyMutation({
                type: 'full',
                entities: entities.map(e => ({
                  entity: e,
                  locationKey: LOCATION,
                })),
              }),
          });
        },
      });
    },
  });
  const probe = createBackendPlugin({
    pluginId: 'directory-probe',
    register(env) {
      env.registerInit({
        deps: { catalog: catalogServiceRef, auth: coreServices.auth },
        async init(deps) {
          services = deps;
        },
      });
    },
  });
  const backend = await startTestBackend({
    features: [catalogPlugin, fixtures, probe],
  });
  return { backend, ...services! };
}

/** Polls until `check` passes: catalog processing is asynchronous. */
async function eventually(check: () => Promise<void>, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
    await new Promise(resolve => setTimeout(resolve, 250));
  }
}

describe.each(databases.eachSupportedId())(
  'directory admin routes with a real catalog, SCIM tables on %p',
  databaseId => {
    let rows: ScimRows;
    let app: express.Express;
    let stop: () => Promise<void>;
    let granted = true;

    const get = (path: string) =>
      request(app)
        .get(path)
        .set('Authorization', mockCredentials.user.header());

    beforeAll(async () => {
      const db = await initScimDatabase(databases, databaseId);
      rows = await createScimRows(
        new ScimUserStore(db),
        new ScimGroupStore(db),
      );
      const { backend, catalog, auth } = await startCatalog(
        catalogEntities(rows),
      );
      stop = () => backend.stop();
      const permissions = mockServices.permissions.mock({
        authorize: async requests =>
          requests.map(() => ({
            result: granted ? AuthorizeResult.ALLOW : AuthorizeResult.DENY,
          })) as any,
      });
      app = express()
        .use(
          createDirectoryAdminRouter({
            directory: new DirectoryService({
              catalog,
              auth,
              store: new ScimDirectoryStore(db),
            }),
            httpAuth: mockServices.httpAuth(),
            permissions,
          }),
        )
        .use(mockErrorHandler());
      // Processed, stitched and with both sides of every membership relation.
      await eventually(async () => {
        const counts = [
          (await get('/groups/group:default%2Fplatform/members')).body
            .totalCount,
          (await get('/users')).body.totalCount,
          (await get('/groups')).body.totalCount,
        ];
        if (counts.join() !== '2,3,2') {
          throw new Error(`catalog not ready: ${counts}`);
        }
      });
    });
    afterAll(() => stop?.());
    beforeEach(() => {
      granted = true;
    });

    it('lists catalog users of every source, enriched from the SCIM tables', async () => {
      const res = await get('/users').expect(200);
      expect(res.body).toEqual({
        items: [
          {
            entityRef: 'user:default/alice_example.com',
            scimId: rows.alice.id,
            userName: 'alice@example.com',
            displayName: 'alice Example',
            email: 'alice@example.com',
            source: 'scim',
            active: true,
            lastProvisionedAt: rows.alice.updatedAt,
          },
          expect.objectContaining({
            entityRef: 'user:default/bob_example.com',
            source: 'scim',
          }),
          {
            entityRef: 'user:default/guest',
            userName: 'guest',
            source: 'backstage',
            active: true,
          },
        ],
        totalCount: 3,
        offset: 0,
        limit: 50,
      });
    });

    it('pages and searches users on the server', async () => {
      const page = await get('/users?offset=1&limit=1').expect(200);
      expect(page.body).toMatchObject({ totalCount: 3, offset: 1, limit: 1 });
      expect(page.body.items.map((u: any) => u.entityRef)).toEqual([
        'user:default/bob_example.com',
      ]);
      const search = await get('/users?search=ALICE%20ex').expect(200);
      expect(search.body.items.map((u: any) => u.entityRef)).toEqual([
        'user:default/alice_example.com',
      ]);
    });

    it('lists deactivated SCIM users from the SCIM tables', async () => {
      const res = await get('/users?status=deactivated').expect(200);
      expect(res.body.totalCount).toBe(2);
      expect(res.body.items).toEqual([
        {
          scimId: rows.dora.id,
          userName: 'dora@example.com',
          displayName: 'dora Example',
          source: 'scim',
          active: false,
          lastProvisionedAt: rows.dora.updatedAt,
        },
        expect.objectContaining({ scimId: rows.kept.id, active: false }),
      ]);
    });

    it('lists groups with who manages them and their member count', async () => {
      const res = await get('/groups').expect(200);
      expect(res.body).toEqual({
        items: [
          {
            entityRef: 'group:default/developers',
            scimId: rows.developers.id,
            displayName: 'Developers',
            managedBy: 'identity-provider',
            // dora is a member in SCIM but deactivated.
            memberCount: 1,
            lastProvisionedAt: rows.developers.updatedAt,
          },
          {
            entityRef: 'group:default/platform',
            displayName: 'Platform team',
            managedBy: 'backstage',
            memberCount: 2,
          },
        ],
        totalCount: 2,
        offset: 0,
        limit: 50,
      });
      const search = await get('/groups?search=platform').expect(200);
      expect(search.body.items.map((g: any) => g.entityRef)).toEqual([
        'group:default/platform',
      ]);
    });

    it('pages the members of a group', async () => {
      const res = await get(
        `/groups/${encodeURIComponent(
          'group:default/platform',
        )}/members?offset=1&limit=1`,
      ).expect(200);
      expect(res.body).toEqual({
        items: [{ entityRef: 'user:default/guest' }],
        totalCount: 2,
        offset: 1,
        limit: 1,
      });
      const scimGroup = await get('/groups/developers/members').expect(200);
      expect(scimGroup.body.items).toEqual([
        {
          entityRef: 'user:default/alice_example.com',
          displayName: 'alice Example',
        },
      ]);
    });

    it('answers 404 for an unknown group and 400 for bad input', async () => {
      const unknown = await get('/groups/group:default%2Fnope/members');
      expect(unknown.status).toBe(404);
      const bad = async (path: string, field: string) => {
        const res = await get(path).expect(400);
        expect(res.body.error.message).toContain(field);
      };
      await bad('/groups/user:default%2Fguest/members', 'groupEntityRef');
      await bad('/users?status=gone', 'status');
      await bad('/users?limit=500', 'limit');
      await bad('/groups?offset=-1', 'offset');
      await bad('/users?search=a&search=b', 'search');
    });

    it('needs scim.settings.read', async () => {
      granted = false;
      for (const path of ['/users', '/groups', '/groups/developers/members']) {
        const res = await get(path).expect(403);
        expect(res.body.error.message).toContain('scim.settings.read');
      }
    });
  },
);
