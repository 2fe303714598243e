import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import permissionPlugin from '@backstage/plugin-permission-backend';
// The real SCIM plugins as backend features; the policy never imports their code.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import catalogModuleScim from '@internal/backstage-plugin-catalog-backend-module-scim';
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import scimPlugin from '@internal/backstage-plugin-scim-backend';
import { SCIM_SCHEMAS } from '@internal/backstage-plugin-scim-common';
import request from 'supertest';
import { permissionModuleScimRoles } from './module';

jest.setTimeout(90_000);

/**
 * Sets up SCIM and grants. Plugins' own checks use an allow-all
 * permissions service (mock tokens carry no actor, which the real
 * one needs for catalog reads); the policy is asked through the permission
 * backend's `/authorize`, exactly as the frontend asks it.
 */
const ADMIN = 'user:default/mock';
const ALICE = 'user:default/alice_example.com';
const DEVELOPERS = 'group:default/developers';
const enc = encodeURIComponent;

const entityRead = {
  type: 'resource',
  name: 'catalog.entity.read',
  attributes: { action: 'read' },
  resourceType: 'catalog-entity',
};
const entityDelete = {
  type: 'resource',
  name: 'catalog.entity.delete',
  attributes: { action: 'delete' },
  resourceType: 'catalog-entity',
};

async function eventually<T>(
  read: () => Promise<T>,
  check: (value: T) => void,
  timeoutMs = 30_000,
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
    await new Promise(resolve => setTimeout(resolve, 250));
  }
}

describe('SCIM roles policy with the real SCIM, catalog and permission plugins', () => {
  let server: Awaited<ReturnType<typeof startTestBackend>>['server'];
  let scimToken: string;
  let aliceId: string;

  const asAdmin = (method: 'get' | 'put' | 'post', path: string) =>
    request(server)
      [method](path)
      .set('Authorization', mockCredentials.user.header(ADMIN));

  const scim = (method: 'post' | 'patch', path: string, body: object) =>
    request(server)
      [method](`/api/scim/v2${path}`)
      .set('Authorization', `Bearer ${scimToken}`)
      .set('Content-Type', 'application/scim+json')
      .send(JSON.stringify(body));

  /** The permission backend's decisions for a user, as the frontend asks them. */
  const decisionsOf = async (userRef: string) => {
    const res = await request(server)
      .post('/api/permission/authorize')
      .set('Authorization', mockCredentials.user.header(userRef))
      .send({
        items: [
          { id: 'read', permission: entityRead, resourceRef: ALICE },
          { id: 'delete', permission: entityDelete, resourceRef: ALICE },
        ],
      })
      .expect(200);
    return Object.fromEntries(
      res.body.items.map((item: { id: string; result: string }) => [
        item.id,
        item.result,
      ]),
    );
  };
  const aliceDecisions = () => decisionsOf(ALICE);

  const setDevelopersAccess = (grants: object[]) =>
    asAdmin('put', `/api/scim/admin/access/groups/${enc(DEVELOPERS)}`)
      .send({ services: ['catalog'], grants })
      .expect(200);

  beforeAll(async () => {
    ({ server } = await startTestBackend({
      features: [
        catalogPlugin,
        scimPlugin,
        catalogModuleScim,
        permissionPlugin,
        permissionModuleScimRoles,
        mockServices.permissions.factory({ result: AuthorizeResult.ALLOW }),
        // The catalog module polls the SCIM feed on the scheduler; the mock one never runs tasks.
        schedulerServiceFactory,
        mockServices.rootConfig.factory({
          data: {
            permission: { enabled: true },
            catalog: { providers: { scim: { namespace: 'default' } } },
            scim: {
              access: {
                policy: { adminUsers: [ADMIN] },
              },
            },
          },
        }),
      ],
    }));
    await asAdmin('put', '/api/scim/admin/settings')
      .send({ enabled: true })
      .expect(200);
    scimToken = (
      await asAdmin('post', '/api/scim/admin/tokens')
        .send({ validityDays: 1, description: 'policy test' })
        .expect(201)
    ).body.token;

    const alice = await scim('post', '/Users', {
      schemas: [SCIM_SCHEMAS.user],
      externalId: 'alice',
      userName: 'alice@example.com',
      active: true,
      displayName: 'Alice Example',
    }).expect(201);
    aliceId = alice.body.id;
    await scim('post', '/Groups', {
      schemas: [SCIM_SCHEMAS.group],
      externalId: 'ext-developers',
      displayName: 'Developers',
      members: [{ value: aliceId }],
    }).expect(201);

    await eventually(
      async () =>
        (
          await asAdmin(
            'get',
            `/api/catalog/entities/by-name/user/default/alice_example.com`,
          )
        ).body,
      entity => {
        const memberOf = (entity.relations ?? []).filter(
          (r: { type: string; targetRef: string }) =>
            r.type === 'memberOf' && r.targetRef === DEVELOPERS,
        );
        if (memberOf.length === 0) {
          throw new Error(
            `${ALICE} is not yet in ${DEVELOPERS} in the catalog`,
          );
        }
      },
    );
  });

  it('allows what the group role grants, denies the rest, and follows access removal', async () => {
    expect(await aliceDecisions()).toEqual({ read: 'DENY', delete: 'DENY' });

    await setDevelopersAccess([{ service: 'catalog', role: 'viewer' }]);
    const access = await asAdmin(
      'get',
      `/api/scim/admin/access/users/${enc(ALICE)}`,
    ).expect(200);
    expect(access.body.effective).toEqual([
      { service: 'catalog', role: 'viewer', sources: [DEVELOPERS] },
    ]);
    // The policy's client caches answers for a few seconds.
    await eventually(aliceDecisions, decisions =>
      expect(decisions).toEqual({ read: 'ALLOW', delete: 'DENY' }),
    );

    await setDevelopersAccess([]);
    await eventually(aliceDecisions, decisions =>
      expect(decisions).toEqual({ read: 'DENY', delete: 'DENY' }),
    );
  });

  it('allows the bootstrap admins everything', async () => {
    expect(await decisionsOf(ADMIN)).toEqual({
      read: 'ALLOW',
      delete: 'ALLOW',
    });
  });

  it('denies a user that SCIM deactivates', async () => {
    await setDevelopersAccess([{ service: 'catalog', role: 'viewer' }]);
    await eventually(aliceDecisions, decisions =>
      expect(decisions.read).toBe('ALLOW'),
    );

    await scim('patch', `/Users/${aliceId}`, {
      schemas: [SCIM_SCHEMAS.patchOp],
      Operations: [{ op: 'replace', path: 'active', value: false }],
    }).expect(200);
    const access = await asAdmin(
      'get',
      `/api/scim/admin/access/users/${enc(ALICE)}`,
    ).expect(200);
    expect(access.body).toMatchObject({ active: false, effective: [] });
    await eventually(aliceDecisions, decisions =>
      expect(decisions).toEqual({ read: 'DENY', delete: 'DENY' }),
    );
  });
});
