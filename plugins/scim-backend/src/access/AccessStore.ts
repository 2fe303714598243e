import { AccessGrant } from '@internal/backstage-plugin-scim-common';
import { Knex } from 'knex';
import { chunks, chunkSize } from '../database/dbUtils';

const GROUP_ACCESS = 'scim_group_access';
const USER_ROLES = 'scim_user_roles';
const GRANT_ORDER = ['service', 'role'];

export interface GroupGrant extends AccessGrant {
  groupRef: string;
}

export interface UserGrant extends AccessGrant {
  userRef: string;
}

/** Who made a change and when, stored with every grant. */
export interface GrantStamp {
  actor: string;
  at: string;
}

const toGrant = (row: { service: string; role: string }): AccessGrant => ({
  service: row.service,
  role: row.role,
});

/** Grants to groups and manual grants to users, keyed by lower-case entity refs. */
export class AccessStore {
  constructor(private readonly db: Knex) {}

  async groupGrants(
    groupRef: string,
    tx: Knex = this.db,
  ): Promise<AccessGrant[]> {
    const rows = await tx(GROUP_ACCESS)
      .where({ group_ref: groupRef })
      .select('service', 'role')
      .orderBy(GRANT_ORDER);
    return rows.map(toGrant);
  }

  /** Grants of the given groups, e.g. of every group a user is a member of. */
  async grantsOfGroups(groupRefs: string[]): Promise<GroupGrant[]> {
    const result: GroupGrant[] = [];
    for (const refs of chunks(groupRefs, chunkSize(this.db))) {
      const rows = await this.db(GROUP_ACCESS)
        .whereIn('group_ref', refs)
        .select('group_ref', 'service', 'role')
        .orderBy(['group_ref', ...GRANT_ORDER]);
      result.push(
        ...rows.map(row => ({ groupRef: row.group_ref, ...toGrant(row) })),
      );
    }
    return result;
  }

  /** Every group grant, ordered by group. */
  async allGroupGrants(): Promise<GroupGrant[]> {
    const rows = await this.db(GROUP_ACCESS)
      .select('group_ref', 'service', 'role')
      .orderBy(['group_ref', ...GRANT_ORDER]);
    return rows.map(row => ({ groupRef: row.group_ref, ...toGrant(row) }));
  }

  /**
   * Replaces the group's grants of the given services in one transaction,
   * leaving its other services alone. Answers the grants before and after.
   */
  async replaceGroupGrants(options: {
    groupRef: string;
    services: string[];
    grants: AccessGrant[];
    stamp: GrantStamp;
  }): Promise<{ before: AccessGrant[]; after: AccessGrant[] }> {
    const { groupRef, services, grants, stamp } = options;
    return this.db.transaction(async tx => {
      const before = await this.groupGrants(groupRef, tx);
      await tx(GROUP_ACCESS)
        .where({ group_ref: groupRef })
        .whereIn('service', services)
        .delete();
      if (grants.length > 0) {
        await tx(GROUP_ACCESS).insert(
          grants.map(grant => ({
            group_ref: groupRef,
            ...grant,
            granted_by: stamp.actor,
            granted_at: stamp.at,
          })),
        );
      }
      return { before, after: await this.groupGrants(groupRef, tx) };
    });
  }

  async userGrants(userRef: string): Promise<AccessGrant[]> {
    const rows = await this.db(USER_ROLES)
      .where({ user_ref: userRef })
      .select('service', 'role')
      .orderBy(GRANT_ORDER);
    return rows.map(toGrant);
  }

  /** Adds a manual role; false when the user already had it. */
  async addUserGrant(
    userRef: string,
    grant: AccessGrant,
    stamp: GrantStamp,
  ): Promise<boolean> {
    return this.db.transaction(async tx => {
      const key = { user_ref: userRef, ...grant };
      if (await tx(USER_ROLES).where(key).first('user_ref')) {
        return false;
      }
      // The primary key still settles a concurrent duplicate.
      await tx(USER_ROLES)
        .insert({ ...key, granted_by: stamp.actor, granted_at: stamp.at })
        .onConflict(['user_ref', 'service', 'role'])
        .ignore();
      return true;
    });
  }

  /** Removes a manual role; false when the user did not have it. */
  async removeUserGrant(userRef: string, grant: AccessGrant): Promise<boolean> {
    const deleted = await this.db(USER_ROLES)
      .where({ user_ref: userRef, ...grant })
      .delete();
    return deleted > 0;
  }

  /** Every user that has at least one manual role. */
  async usersWithGrants(): Promise<string[]> {
    const rows = await this.db(USER_ROLES)
      .distinct('user_ref')
      .orderBy('user_ref');
    return rows.map(row => row.user_ref);
  }

  /** Removes every manual role of the given users in one transaction; answers what was removed. */
  async removeGrantsOfUsers(userRefs: string[]): Promise<UserGrant[]> {
    return this.db.transaction(async tx => {
      const removed: UserGrant[] = [];
      for (const refs of chunks(userRefs, chunkSize(this.db))) {
        const rows = await tx(USER_ROLES)
          .whereIn('user_ref', refs)
          .select('user_ref', 'service', 'role')
          .orderBy(['user_ref', ...GRANT_ORDER]);
        await tx(USER_ROLES).whereIn('user_ref', refs).delete();
        removed.push(
          ...rows.map(row => ({ userRef: row.user_ref, ...toGrant(row) })),
        );
      }
      return removed;
    });
  }
}
