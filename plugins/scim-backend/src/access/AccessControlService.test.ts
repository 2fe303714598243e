import { AccessService } from '@internal/backstage-plugin-scim-common';
import { Knex } from 'knex';
import {
  createTestDatabases,
  initScimDatabase,
} from '../__testUtils__/testDatabases';
import { DatabaseAuditStore } from '../database/DatabaseAuditStore';
import { AuditLog } from '../service/AuditLog';
import {
  AccessControlService,
  USER_ACCESS_CACHE_TTL_MS,
} from './AccessControlService';
import { AccessStore } from './AccessStore';
import { AccessUserDirectory, UserMembership } from './CatalogUserDirectory';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const ADMIN = 'user:default/admin';
const ALICE = 'user:default/alice';
const BOB = 'user:default/bob';
const DEVS = 'group:default/devs';
const OPS = 'group:default/ops';

const SERVICES: AccessService[] = [
  {
    id: 'catalog',
    title: 'Software Catalog',
    roles: [
      {
        id: 'viewer',
        title: 'Viewer',
        permissions: [{ name: 'catalog.entity.read' }],
      },
      { id: 'admin', title: 'Admin', permissions: [{ name: 'catalog.*' }] },
    ],
  },
  {
    id: 'techdocs',
    title: 'TechDocs',
    roles: [
      {
        id: 'reader',
        title: 'Reader',
        permissions: [{ name: 'catalog.entity.read' }, { name: 'techdocs.*' }],
      },
    ],
  },
];

/** Memberships as the catalog would tell them; users not listed are unknown to it. */
class FakeDirectory implements AccessUserDirectory {
  users = new Map<string, UserMembership>();
  idp = new Set<string>();

  async membership(userRef: string) {
    return this.users.get(userRef) ?? { active: false, groupRefs: [] };
  }

  async idpProvisioned(userRefs: string[]) {
    return userRefs.filter(ref => this.idp.has(ref));
  }
}

describe.each(databases.eachSupportedId())(
  'AccessControlService on %p',
  databaseId => {
    let db: Knex;
    let clock: Date;
    let directory: FakeDirectory;
    let audit: AuditLog;
    let access: AccessControlService;

    const auditEntries = async () =>
      (await audit.list(0, 50)).items.map(({ action, target, details }) => ({
        action,
        target,
        details,
      }));

    beforeEach(async () => {
      db = await initScimDatabase(databases, databaseId);
      clock = new Date('2026-11-29T12:00:00.000Z');
      directory = new FakeDirectory();
      directory.users.set(ALICE, { active: true, groupRefs: [DEVS, OPS] });
      audit = new AuditLog(new DatabaseAuditStore(db), () => clock);
      access = new AccessControlService({
        services: SERVICES,
        store: new AccessStore(db),
        directory,
        audit,
        now: () => clock,
      });
    });

    it('unites manual and group roles, each with its sources', async () => {
      await access.addUserRole(
        ALICE,
        { service: 'catalog', role: 'viewer' },
        ADMIN,
      );
      await access.updateGroupAccess(
        DEVS,
        {
          services: ['catalog', 'techdocs'],
          grants: [
            { service: 'techdocs', role: 'reader' },
            { service: 'catalog', role: 'viewer' },
          ],
        },
        ADMIN,
      );
      await access.updateGroupAccess(
        OPS,
        {
          services: ['catalog'],
          grants: [{ service: 'catalog', role: 'viewer' }],
        },
        ADMIN,
      );

      expect(await access.getUserAccess(ALICE)).toEqual({
        userEntityRef: ALICE,
        active: true,
        manual: [{ service: 'catalog', role: 'viewer' }],
        effective: [
          {
            service: 'catalog',
            role: 'viewer',
            sources: ['manual', DEVS, OPS],
          },
          { service: 'techdocs', role: 'reader', sources: [DEVS] },
        ],
        unknown: [],
      });
      expect((await access.getUserPermissions(ALICE)).permissions).toEqual([
        { name: 'catalog.entity.read' },
        { name: 'techdocs.*' },
      ]);
    });

    it('replaces only the services named in an update, and audits before and after', async () => {
      await access.updateGroupAccess(
        DEVS,
        {
          services: ['catalog', 'techdocs'],
          grants: [
            { service: 'catalog', role: 'viewer' },
            { service: 'techdocs', role: 'reader' },
          ],
        },
        ADMIN,
      );
      const updated = await access.updateGroupAccess(
        DEVS,
        {
          services: ['catalog'],
          grants: [
            { service: 'catalog', role: 'admin' },
            { service: 'catalog', role: 'admin' },
          ],
        },
        ADMIN,
      );
      expect(updated).toEqual({
        groupEntityRef: DEVS,
        grants: [
          { service: 'catalog', role: 'admin' },
          { service: 'techdocs', role: 'reader' },
        ],
        unknown: [],
      });
      expect((await auditEntries())[0]).toEqual({
        action: 'access.group.updated',
        target: DEVS,
        details: {
          services: ['catalog'],
          before: [
            { service: 'catalog', role: 'viewer' },
            { service: 'techdocs', role: 'reader' },
          ],
          after: [
            { service: 'catalog', role: 'admin' },
            { service: 'techdocs', role: 'reader' },
          ],
        },
      });

      await access.updateGroupAccess(
        DEVS,
        { services: ['catalog', 'techdocs'], grants: [] },
        ADMIN,
      );
      expect(await access.listGroupAccess()).toEqual([]);
    });

    it('rejects unknown services and roles, naming the field, and changes nothing', async () => {
      await expect(
        access.updateGroupAccess(
          DEVS,
          {
            services: ['catalog'],
            grants: [
              { service: 'catalog', role: 'viewer' },
              { service: 'catalog', role: 'owner' },
            ],
          },
          ADMIN,
        ),
      ).rejects.toThrow(
        'grants[1].role: unknown role "owner" of service "catalog"',
      );
      await expect(
        access.addUserRole(ALICE, { service: 'jenkins', role: 'admin' }, ADMIN),
      ).rejects.toThrow('body.service: unknown service "jenkins"');
      expect(await access.listGroupAccess()).toEqual([]);
      expect(await auditEntries()).toEqual([]);
    });

    it('reports stored grants the config no longer defines and never makes them effective', async () => {
      const store = new AccessStore(db);
      const stamp = { actor: ADMIN, at: clock.toISOString() };
      await store.replaceGroupGrants({
        groupRef: DEVS,
        services: ['catalog', 'jenkins'],
        grants: [
          { service: 'catalog', role: 'owner' },
          { service: 'jenkins', role: 'admin' },
          { service: 'catalog', role: 'viewer' },
        ],
        stamp,
      });
      await store.addUserGrant(
        ALICE,
        { service: 'jenkins', role: 'admin' },
        stamp,
      );

      expect(await access.getGroupAccess(DEVS)).toEqual({
        groupEntityRef: DEVS,
        grants: [{ service: 'catalog', role: 'viewer' }],
        unknown: [
          { service: 'catalog', role: 'owner', reason: 'unknown-role' },
          { service: 'jenkins', role: 'admin', reason: 'unknown-service' },
        ],
      });
      const alice = await access.getUserPermissions(ALICE);
      expect(alice.effective).toEqual([
        { service: 'catalog', role: 'viewer', sources: [DEVS] },
      ]);
      expect(alice.unknown).toEqual([
        { service: 'jenkins', role: 'admin', reason: 'unknown-service' },
        { service: 'catalog', role: 'owner', reason: 'unknown-role' },
      ]);
      expect(alice.permissions).toEqual([{ name: 'catalog.entity.read' }]);

      // An unknown service can be named to clear what is left of it.
      await access.updateGroupAccess(
        DEVS,
        { services: ['jenkins'], grants: [] },
        ADMIN,
      );
      expect((await access.getGroupAccess(DEVS)).unknown).toEqual([
        { service: 'catalog', role: 'owner', reason: 'unknown-role' },
      ]);
    });

    it('gives deactivated, deleted and unknown users no effective roles', async () => {
      await access.addUserRole(
        BOB,
        { service: 'catalog', role: 'admin' },
        ADMIN,
      );
      directory.users.set(BOB, { active: false, groupRefs: [] });
      expect(await access.getUserAccess(BOB)).toEqual({
        userEntityRef: BOB,
        active: false,
        manual: [{ service: 'catalog', role: 'admin' }],
        effective: [],
        unknown: [],
      });
      expect(
        (await access.getUserPermissions('user:default/nobody')).permissions,
      ).toEqual([]);
    });

    it('removes manual roles one by one, with an audit entry, and 404s a missing one', async () => {
      const viewer = { service: 'catalog', role: 'viewer' };
      await access.addUserRole(ALICE, viewer, ADMIN);
      await access.addUserRole(
        ALICE,
        { service: 'techdocs', role: 'reader' },
        ADMIN,
      );
      await access.removeUserRole(ALICE, viewer, ADMIN);

      expect((await access.getUserAccess(ALICE)).manual).toEqual([
        { service: 'techdocs', role: 'reader' },
      ]);
      await expect(access.removeUserRole(ALICE, viewer, ADMIN)).rejects.toThrow(
        'user:default/alice has no manual role viewer of service catalog',
      );
      expect((await auditEntries()).map(entry => entry.action)).toEqual([
        'access.user-role.removed',
        'access.user-role.added',
        'access.user-role.added',
      ]);
      expect((await auditEntries())[0].details).toEqual({
        grant: viewer,
        before: [viewer, { service: 'techdocs', role: 'reader' }],
        after: [{ service: 'techdocs', role: 'reader' }],
      });
    });

    it('removes the manual roles of IdP-provisioned users only, keeping their group roles', async () => {
      directory.idp.add(ALICE);
      await access.addUserRole(
        ALICE,
        { service: 'catalog', role: 'admin' },
        ADMIN,
      );
      await access.addUserRole(
        ALICE,
        { service: 'techdocs', role: 'reader' },
        ADMIN,
      );
      await access.addUserRole(
        BOB,
        { service: 'catalog', role: 'viewer' },
        ADMIN,
      );
      await access.updateGroupAccess(
        DEVS,
        {
          grants: [{ service: 'catalog', role: 'viewer' }],
          services: ['catalog'],
        },
        ADMIN,
      );

      expect(await access.removeIdpManualRoles(ADMIN)).toEqual({
        users: 1,
        removed: 2,
      });
      const alice = await access.getUserAccess(ALICE);
      expect(alice.manual).toEqual([]);
      expect(alice.effective).toEqual([
        { service: 'catalog', role: 'viewer', sources: [DEVS] },
      ]);
      expect((await access.getUserAccess(BOB)).manual).toEqual([
        { service: 'catalog', role: 'viewer' },
      ]);
      expect((await auditEntries())[0]).toEqual({
        action: 'access.manual-roles.idp-users-removed',
        target: undefined,
        details: {
          users: 1,
          removed: 2,
          before: [
            { userRef: ALICE, service: 'catalog', role: 'admin' },
            { userRef: ALICE, service: 'techdocs', role: 'reader' },
          ],
          after: [],
        },
      });
    });

    it('serves policies from a short cache that changes and invalidate() clear', async () => {
      const viewer = { service: 'catalog', role: 'viewer' };
      await access.updateGroupAccess(
        DEVS,
        { services: ['catalog'], grants: [viewer] },
        ADMIN,
      );
      expect((await access.getUserPermissions(ALICE)).effective).toHaveLength(
        1,
      );

      // A membership change in the catalog is seen after the cache time...
      directory.users.set(ALICE, { active: true, groupRefs: [] });
      expect((await access.getUserPermissions(ALICE)).effective).toHaveLength(
        1,
      );
      clock = new Date(clock.getTime() + USER_ACCESS_CACHE_TTL_MS + 1);
      expect((await access.getUserPermissions(ALICE)).effective).toEqual([]);

      // ...a deactivation reported by a SCIM write at once...
      directory.users.set(ALICE, { active: true, groupRefs: [DEVS] });
      clock = new Date(clock.getTime() + USER_ACCESS_CACHE_TTL_MS + 1);
      expect((await access.getUserPermissions(ALICE)).effective).toHaveLength(
        1,
      );
      directory.users.set(ALICE, { active: false, groupRefs: [] });
      access.invalidate();
      expect((await access.getUserPermissions(ALICE)).active).toBe(false);

      // ...and so is a grant change made here.
      directory.users.set(ALICE, { active: true, groupRefs: [DEVS] });
      access.invalidate();
      expect((await access.getUserPermissions(ALICE)).effective).toHaveLength(
        1,
      );
      await access.updateGroupAccess(
        DEVS,
        { services: ['catalog'], grants: [] },
        ADMIN,
      );
      expect((await access.getUserPermissions(ALICE)).effective).toEqual([]);
    });
  },
);
