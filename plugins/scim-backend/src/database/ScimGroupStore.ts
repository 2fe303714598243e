import { randomUUID } from 'node:crypto';
import { Knex } from 'knex';
import { ScimError } from '../scim/ScimError';
import { ScimAttributes } from '../scim/schema/normalizeResource';
import { chunks, chunkSize, placeholders, withConflictAs } from './dbUtils';
import { recordChange } from './recordChange';
import {
  ScimResourceTable,
  StoredResource,
  toStoredResource,
} from './ScimResourceTable';

/** A member of a group, with its displayName for `members[].display`. */
export interface GroupMember {
  id: string;
  displayName?: string;
}

/** One change to a group's member set; applied in order within a PATCH. */
export type MemberChange =
  | { kind: 'add'; userIds: string[] }
  | { kind: 'remove'; userIds: string[] }
  | { kind: 'removeAll' }
  | { kind: 'replace'; userIds: string[] };

const TABLE = 'scim_groups';
const MEMBERS = 'scim_group_members';

function groupColumns(attributes: ScimAttributes) {
  const displayName = String(attributes.displayName);
  return {
    display_name: displayName,
    display_name_norm: displayName.toLowerCase(),
    external_id: (attributes.externalId as string | undefined) ?? null,
    data: JSON.stringify(attributes),
  };
}

const displayNameConflict = (attributes: ScimAttributes) =>
  new ScimError(
    409,
    `A group with displayName '${attributes.displayName}' already exists`,
    'uniqueness',
  );

/**
 * SCIM groups in the plugin database. Members are rows of a join table, so
 * adding or removing members costs O(change), not O(group size).
 */
export class ScimGroupStore extends ScimResourceTable {
  constructor(db: Knex) {
    super(db, TABLE, 'group');
  }

  async create(
    attributes: ScimAttributes,
    memberIds: string[],
  ): Promise<StoredResource> {
    const now = new Date().toISOString();
    const row = {
      id: randomUUID(),
      ...groupColumns(attributes),
      version: 1,
      created_at: now,
      updated_at: now,
    };
    await this.db.transaction(async trx => {
      await withConflictAs(displayNameConflict(attributes), () =>
        trx(TABLE).insert(row),
      );
      await this.addMembers(trx, row.id, memberIds);
      await recordChange(trx, 'group', row.id);
    });
    return toStoredResource(row);
  }

  /** Members of the given groups with their display names, in one query. */
  async membersOf(groupIds: string[]): Promise<Map<string, GroupMember[]>> {
    const result = new Map<string, GroupMember[]>(groupIds.map(id => [id, []]));
    if (groupIds.length === 0) {
      return result;
    }
    const rows = await this.reader.all<{
      group_id: string;
      id: string;
      display_name: string | null;
    }>(
      `SELECT m.group_id, u.id, u.display_name FROM ${MEMBERS} m
       JOIN scim_users u ON u.id = m.user_id
       WHERE m.group_id IN (${placeholders(groupIds)}) ORDER BY m.user_id`,
      groupIds,
    );
    for (const row of rows) {
      result.get(row.group_id)!.push({
        id: row.id,
        displayName: row.display_name ?? undefined,
      });
    }
    return result;
  }

  /**
   * Changes a group in one transaction: its attributes (when `change` is
   * given) and its members. The group row is locked first, so concurrent
   * PATCHes to one group run one after the other and never lose a member.
   */
  async update(
    id: string,
    change: ((current: ScimAttributes) => ScimAttributes) | undefined,
    memberChanges: MemberChange[],
  ): Promise<StoredResource> {
    return this.db.transaction(async trx => {
      const row = await this.getForUpdate(trx, id);
      if (!row) {
        throw new ScimError(404, `Group ${id} not found`);
      }
      const current = toStoredResource(row).attributes;
      const attributes = change ? change(current) : current;
      for (const memberChange of memberChanges) {
        await this.applyMemberChange(trx, id, memberChange);
      }
      const updated = {
        ...groupColumns(attributes),
        version: Number(row.version) + 1,
        updated_at: new Date().toISOString(),
      };
      await withConflictAs(displayNameConflict(attributes), () =>
        trx(TABLE).where({ id }).update(updated),
      );
      await recordChange(trx, 'group', id);
      return toStoredResource({ ...row, ...updated });
    });
  }

  private async applyMemberChange(
    trx: Knex.Transaction,
    groupId: string,
    change: MemberChange,
  ) {
    switch (change.kind) {
      case 'add':
        await this.addMembers(trx, groupId, change.userIds);
        return;
      case 'remove':
        for (const ids of chunks(change.userIds, chunkSize(trx))) {
          await trx(MEMBERS)
            .where({ group_id: groupId })
            .whereIn('user_id', ids)
            .delete();
        }
        return;
      case 'removeAll':
        await trx(MEMBERS).where({ group_id: groupId }).delete();
        return;
      case 'replace':
        await trx(MEMBERS).where({ group_id: groupId }).delete();
        await this.addMembers(trx, groupId, change.userIds);
        return;
      default:
    }
  }

  /** Adds users to a group; unknown ids are a 400, existing members are skipped. */
  private async addMembers(
    trx: Knex.Transaction,
    groupId: string,
    userIds: string[],
  ) {
    const ids = [...new Set(userIds)];
    const size = chunkSize(trx);
    const known = new Set<string>();
    for (const chunk of chunks(ids, size)) {
      const rows = await trx('scim_users').whereIn('id', chunk).select('id');
      rows.forEach(r => known.add(r.id));
    }
    const unknown = ids.filter(userId => !known.has(userId));
    if (unknown.length > 0) {
      throw new ScimError(
        400,
        `Unknown member id(s): ${unknown.slice(0, 10).join(', ')}${
          unknown.length > 10 ? ` and ${unknown.length - 10} more` : ''
        }. Members must be provisioned users.`,
        'invalidValue',
      );
    }
    for (const chunk of chunks(ids, size)) {
      await trx(MEMBERS)
        .insert(chunk.map(userId => ({ group_id: groupId, user_id: userId })))
        .onConflict(['group_id', 'user_id'])
        .ignore();
    }
  }
}
