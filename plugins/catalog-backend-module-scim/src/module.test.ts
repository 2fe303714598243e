import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { eventsServiceFactory } from '@backstage/plugin-events-node';
// The real SCIM plugin as a backend feature; the module never imports its code.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import scimPlugin from '@internal/backstage-plugin-scim-backend';
import { SCIM_SCHEMAS } from '@internal/backstage-plugin-scim-common';
import request from 'supertest';
import { catalogModuleScimEntityProvider } from './module';

jest.setTimeout(60_000);

const MANAGED_BY_LABEL_FILTER =
  'metadata.labels.scim.backstage.io/managed-by=identity-provider';

/** Memberships as the catalog relations tell them. */
interface Org {
  users: Record<string, string[]>;
  groups: Record<string, string[]>;
}

const targets = (entity: Entity, type: string) =>
  (entity.relations ?? [])
    .filter(r => r.type === type)
    .map(r => r.targetRef)
    .sort();

async function eventually<T>(
  read: () => Promise<T>,
  check: (value: T) => void,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    try {
      check(value);
      return value;
    } catch (error) {
      if (Date.now() > deadline) {
        throw error;
      }
    }
    await new Promise(resolve => setTimeout(resolve, 200));
  }
}

describe('SCIM to catalog, with the real SCIM and catalog plugins', () => {
  let server: Awaited<ReturnType<typeof startTestBackend>>['server'];
  let scimToken: string;
  const ids: Record<string, string> = {};

  const backstage = (method: 'get' | 'put' | 'post', path: string) =>
    request(server)
      [method](path)
      .set('Authorization', mockCredentials.user.header());

  const scim = (method: 'post' | 'patch' | 'delete', path: string) =>
    request(server)
      [method](`/api/scim/v2${path}`)
      .set('Authorization', `Bearer ${scimToken}`)
      .set('Content-Type', 'application/scim+json');

  const createUser = async (userName: string) => {
    const res = await scim('post', '/Users')
      .send(
        JSON.stringify({
          schemas: [SCIM_SCHEMAS.user],
          externalId: userName,
          userName: `${userName}@example.com`,
          active: true,
          displayName: `${userName} Example`,
          emails: [
            { primary: true, type: 'work', value: `${userName}@example.com` },
          ],
        }),
      )
      .expect(201);
    ids[userName] = res.body.id;
  };

  const createGroup = async (displayName: string, members: string[]) => {
    const res = await scim('post', '/Groups')
      .send(
        JSON.stringify({
          schemas: [SCIM_SCHEMAS.group],
          externalId: `ext-${displayName}`,
          displayName,
          members: members.map(m => ({ value: ids[m] })),
        }),
      )
      .expect(201);
    ids[displayName] = res.body.id;
  };

  const patchUser = (name: string, operation: object) =>
    scim('patch', `/Users/${ids[name]}`)
      .send(
        JSON.stringify({
          schemas: [SCIM_SCHEMAS.patchOp],
          Operations: [operation],
        }),
      )
      .expect(200);

  const readOrg = async (): Promise<Org> => {
    const query = async (kind: string): Promise<Entity[]> =>
      (
        await backstage(
          'get',
          `/api/catalog/entities/by-query?limit=100&filter=kind=${kind},${MANAGED_BY_LABEL_FILTER}`,
        ).expect(200)
      ).body.items;
    const users = await query('user');
    const groups = await query('group');
    return {
      users: Object.fromEntries(
        users.map(u => [u.metadata.name, targets(u, 'memberOf')]),
      ),
      groups: Object.fromEntries(
        groups.map(g => [g.metadata.name, targets(g, 'hasMember')]),
      ),
    };
  };

  const expectOrg = (expected: Org) =>
    eventually(readOrg, org => expect(org).toEqual(expected));

  beforeAll(async () => {
    ({ server } = await startTestBackend({
      features: [
        catalogPlugin,
        scimPlugin,
        catalogModuleScimEntityProvider,
        // One events bus for all plugins, as in a real backend.
        eventsServiceFactory,
        mockServices.rootConfig.factory({
          data: {
            events: { useEventBus: 'never' },
            catalog: { providers: { scim: { namespace: 'default' } } },
          },
        }),
      ],
    }));
    await backstage('put', '/api/scim/admin/settings')
      .send({ enabled: true })
      .expect(200);
    const token = await backstage('post', '/api/scim/admin/tokens')
      .send({ validityDays: 1, description: 'catalog module test' })
      .expect(201);
    scimToken = token.body.token;
  });

  it('turns provisioned users and groups into entities with memberships', async () => {
    await createUser('alice');
    await createUser('bob');
    await createUser('carol');
    await createGroup('Developers', ['alice', 'bob']);
    await createGroup('Operations', ['bob', 'carol']);

    await expectOrg({
      users: {
        'alice_example.com': ['group:default/developers'],
        'bob_example.com': [
          'group:default/developers',
          'group:default/operations',
        ],
        'carol_example.com': ['group:default/operations'],
      },
      groups: {
        developers: [
          'user:default/alice_example.com',
          'user:default/bob_example.com',
        ],
        operations: [
          'user:default/bob_example.com',
          'user:default/carol_example.com',
        ],
      },
    });

    const alice = await backstage(
      'get',
      '/api/catalog/entities/by-name/user/default/alice_example.com',
    ).expect(200);
    expect(alice.body.metadata).toMatchObject({
      annotations: {
        'scim.backstage.io/id': ids.alice,
        'scim.backstage.io/external-id': 'alice',
        'scim.backstage.io/user-name': 'alice@example.com',
        'microsoft.com/email': 'alice@example.com',
        'backstage.io/managed-by-location': expect.stringMatching(
          /^scim:http:\/\/localhost:\d+\/api\/scim\/v2$/,
        ),
      },
      labels: { 'scim.backstage.io/managed-by': 'identity-provider' },
    });
    expect(alice.body.spec).toEqual({
      profile: { displayName: 'alice Example', email: 'alice@example.com' },
      memberOf: [],
    });
  });

  it('follows a rename, a deactivation and deletions', async () => {
    await patchUser('alice', {
      op: 'replace',
      path: 'userName',
      value: 'alicia@example.com',
    });
    await patchUser('bob', { op: 'Replace', path: 'active', value: 'False' });
    await scim('delete', `/Users/${ids.carol}`).expect(204);

    await expectOrg({
      users: { 'alicia_example.com': ['group:default/developers'] },
      groups: {
        developers: ['user:default/alicia_example.com'],
        operations: [],
      },
    });

    const orphan = await backstage(
      'get',
      '/api/catalog/entities/by-name/user/default/alice_example.com',
    );
    expect(orphan.status).toBe(404);

    await scim('delete', `/Groups/${ids.Operations}`).expect(204);
    await expectOrg({
      users: { 'alicia_example.com': ['group:default/developers'] },
      groups: { developers: ['user:default/alicia_example.com'] },
    });
  });
});
