import { NotFoundError } from '@backstage/errors';
import {
  AccessGrant,
  AccessService,
  EffectiveRole,
  GroupAccess,
  PermissionRule,
  RemoveIdpManualRolesResponse,
  UpdateGroupAccessRequest,
  UserAccess,
  UserPermissionAccess,
} from '@internal/backstage-plugin-scim-common';
import { AuditLog } from '../service/AuditLog';
import { AccessModel, grantKey, uniqueGrants } from './AccessModel';
import { AccessStore, GroupGrant } from './AccessStore';
import { AccessUserDirectory } from './CatalogUserDirectory';

/**
 * How long a user's effective access is served from memory to other
 * plugins. Changes made in this process clear it at once; catalog
 * membership changes and other replicas are seen within this time.
 */
export const USER_ACCESS_CACHE_TTL_MS = 5_000;

export interface AccessControlServiceOptions {
  services: AccessService[];
  store: AccessStore;
  directory: AccessUserDirectory;
  audit: AuditLog;
  now?: () => Date;
}

/**
 * Group access and manual user roles: grants, effective roles with their
 * provenance, the audit trail of every change, and the cached answers
 * permission policies ask for.
 */
export class AccessControlService {
  private readonly model: AccessModel;
  private readonly now: () => Date;
  private readonly cache = new Map<
    string,
    { value: Promise<UserPermissionAccess>; expiresAt: number }
  >();

  constructor(private readonly options: AccessControlServiceOptions) {
    this.model = new AccessModel(options.services);
    this.now = options.now ?? (() => new Date());
  }

  listServices(): AccessService[] {
    return this.model.services;
  }

  async listGroupAccess(): Promise<GroupAccess[]> {
    const byGroup = new Map<string, GroupGrant[]>();
    for (const grant of await this.options.store.allGroupGrants()) {
      const grants = byGroup.get(grant.groupRef) ?? [];
      grants.push(grant);
      byGroup.set(grant.groupRef, grants);
    }
    return [...byGroup].map(([groupRef, grants]) =>
      this.toGroupAccess(
        groupRef,
        grants.map(({ service, role }) => ({ service, role })),
      ),
    );
  }

  async getGroupAccess(groupRef: string): Promise<GroupAccess> {
    return this.toGroupAccess(
      groupRef,
      await this.options.store.groupGrants(groupRef),
    );
  }

  /**
   * Replaces the group's grants of the named services atomically. Only
   * defined roles may be granted; an unknown service may be named in
   * `services` to clear what is left of it after a config change.
   */
  async updateGroupAccess(
    groupRef: string,
    request: Required<UpdateGroupAccessRequest>,
    actor: string,
  ): Promise<GroupAccess> {
    request.grants.forEach((grant, index) =>
      this.model.assertKnown(grant, `grants[${index}]`),
    );
    const { before, after } = await this.options.store.replaceGroupGrants({
      groupRef,
      services: request.services,
      grants: uniqueGrants(request.grants),
      stamp: this.stamp(actor),
    });
    this.invalidate();
    await this.options.audit.record({
      actor,
      action: 'access.group.updated',
      target: groupRef,
      details: { services: request.services, before, after },
    });
    return this.toGroupAccess(groupRef, after);
  }

  /** The user's access as it is now, for admins. */
  async getUserAccess(userRef: string): Promise<UserAccess> {
    return this.readUserAccess(userRef);
  }

  /** The user's access with the rules of its roles, for permission policies; cached briefly. */
  async getUserPermissions(userRef: string): Promise<UserPermissionAccess> {
    const nowMs = this.now().getTime();
    const cached = this.cache.get(userRef);
    if (cached && cached.expiresAt > nowMs) {
      return cached.value;
    }
    const value = this.readUserAccess(userRef).then(access => ({
      ...access,
      permissions: uniqueRules(
        access.effective.flatMap(
          grant => this.model.role(grant)?.permissions ?? [],
        ),
      ),
    }));
    this.cache.set(userRef, {
      value,
      expiresAt: nowMs + USER_ACCESS_CACHE_TTL_MS,
    });
    value.catch(() => {
      if (this.cache.get(userRef)?.value === value) {
        this.cache.delete(userRef);
      }
    });
    return value;
  }

  async addUserRole(
    userRef: string,
    grant: AccessGrant,
    actor: string,
  ): Promise<UserAccess> {
    this.model.assertKnown(grant, 'body');
    const before = await this.options.store.userGrants(userRef);
    if (
      await this.options.store.addUserGrant(userRef, grant, this.stamp(actor))
    ) {
      this.invalidate();
      await this.options.audit.record({
        actor,
        action: 'access.user-role.added',
        target: userRef,
        details: {
          grant,
          before,
          after: await this.options.store.userGrants(userRef),
        },
      });
    }
    return this.getUserAccess(userRef);
  }

  /** Removes one manual role; also an unknown one, so leftovers can be cleaned up. */
  async removeUserRole(
    userRef: string,
    grant: AccessGrant,
    actor: string,
  ): Promise<void> {
    const before = await this.options.store.userGrants(userRef);
    if (!(await this.options.store.removeUserGrant(userRef, grant))) {
      throw new NotFoundError(
        `${userRef} has no manual role ${grant.role} of service ${grant.service}`,
      );
    }
    this.invalidate();
    await this.options.audit.record({
      actor,
      action: 'access.user-role.removed',
      target: userRef,
      details: {
        grant,
        before,
        after: await this.options.store.userGrants(userRef),
      },
    });
  }

  /**
   * Removes every manual role of IdP-provisioned users, so that their
   * groups alone decide their access (the setup guide's caution).
   */
  async removeIdpManualRoles(
    actor: string,
  ): Promise<RemoveIdpManualRolesResponse> {
    const candidates = await this.options.store.usersWithGrants();
    const idpUsers = await this.options.directory.idpProvisioned(candidates);
    const removed = await this.options.store.removeGrantsOfUsers(idpUsers);
    const users = new Set(removed.map(grant => grant.userRef)).size;
    this.invalidate();
    await this.options.audit.record({
      actor,
      action: 'access.manual-roles.idp-users-removed',
      details: { users, removed: removed.length, before: removed, after: [] },
    });
    return { users, removed: removed.length };
  }

  /** Forgets cached answers: after a grant change or a SCIM write. */
  invalidate(): void {
    this.cache.clear();
  }

  private async readUserAccess(userRef: string): Promise<UserAccess> {
    const [manual, membership] = await Promise.all([
      this.options.store.userGrants(userRef),
      this.options.directory.membership(userRef),
    ]);
    const groupGrants = membership.active
      ? await this.options.store.grantsOfGroups(membership.groupRefs)
      : [];
    const manualGrants = this.model.classify(manual);
    const fromGroups = this.model.classify(groupGrants);

    const effective = new Map<string, EffectiveRole>();
    const addSource = (grant: AccessGrant, source: string) => {
      const key = grantKey(grant);
      const role = effective.get(key) ?? { ...grant, sources: [] };
      role.sources.push(source);
      effective.set(key, role);
    };
    if (membership.active) {
      manualGrants.known.forEach(grant => addSource(grant, 'manual'));
      fromGroups.known.forEach(grant =>
        addSource({ service: grant.service, role: grant.role }, grant.groupRef),
      );
    }
    return {
      userEntityRef: userRef,
      active: membership.active,
      manual: this.model.sort(manual),
      effective: this.model.sort([...effective.values()]),
      unknown: uniqueGrants([...manualGrants.unknown, ...fromGroups.unknown]),
    };
  }

  private toGroupAccess(groupRef: string, grants: AccessGrant[]): GroupAccess {
    const { known, unknown } = this.model.classify(grants);
    return {
      groupEntityRef: groupRef,
      grants: this.model.sort(known),
      unknown,
    };
  }

  private stamp(actor: string) {
    return { actor, at: this.now().toISOString() };
  }
}

function uniqueRules(rules: PermissionRule[]): PermissionRule[] {
  const seen = new Set<string>();
  return rules.filter(rule => {
    const key = JSON.stringify([rule.name, rule.resourceType, rule.action]);
    if (seen.has(key)) {
      return false;
    }
    seen.add(key);
    return true;
  });
}
