import { randomUUID } from 'node:crypto';
import { Knex } from 'knex';
import { ScimError } from '../scim/ScimError';
import { ScimAttributes } from '../scim/schema/normalizeResource';
import { placeholders, withConflictAs } from './dbUtils';
import { recordChange } from './recordChange';
import {
  ScimResourceTable,
  StoredResource,
  toStoredResource,
} from './ScimResourceTable';

/** A group a user is a direct member of. */
export interface UserGroupRef {
  id: string;
  displayName: string;
}

/** The indexed columns derived from a user's attributes. */
function userColumns(attributes: ScimAttributes) {
  const userName = String(attributes.userName);
  return {
    user_name: userName,
    user_name_norm: userName.toLowerCase(),
    external_id: (attributes.externalId as string | undefined) ?? null,
    display_name: (attributes.displayName as string | undefined) ?? null,
    // Absent `active` means active: Entra omits attributes that are null in Entra.
    active: attributes.active !== false,
    data: JSON.stringify(attributes),
  };
}

const userNameConflict = (attributes: ScimAttributes) =>
  new ScimError(
    409,
    `A user with userName '${attributes.userName}' already exists`,
    'uniqueness',
  );

/** SCIM users in the plugin database; every write is one transaction. */
export class ScimUserStore extends ScimResourceTable {
  constructor(db: Knex) {
    super(db, 'scim_users', 'user');
  }

  async create(attributes: ScimAttributes): Promise<StoredResource> {
    const now = new Date().toISOString();
    const row = {
      id: randomUUID(),
      ...userColumns(attributes),
      version: 1,
      created_at: now,
      updated_at: now,
    };
    await this.db.transaction(async trx => {
      await withConflictAs(userNameConflict(attributes), () =>
        trx('scim_users').insert(row),
      );
      await recordChange(trx, 'user', row.id);
    });
    return toStoredResource(row);
  }

  /**
   * Reads, changes and writes one user in a transaction, with the row locked
   * so that concurrent PATCHes to the same user cannot lose each other's changes.
   */
  async update(
    id: string,
    change: (current: ScimAttributes) => ScimAttributes,
  ): Promise<StoredResource> {
    return this.db.transaction(async trx => {
      const row = await this.getForUpdate(trx, id);
      if (!row) {
        throw new ScimError(404, `User ${id} not found`);
      }
      const attributes = change(toStoredResource(row).attributes);
      const updated = {
        ...userColumns(attributes),
        version: Number(row.version) + 1,
        updated_at: new Date().toISOString(),
      };
      await withConflictAs(userNameConflict(attributes), () =>
        trx('scim_users').where({ id }).update(updated),
      );
      await recordChange(trx, 'user', id);
      return toStoredResource({ ...row, ...updated });
    });
  }

  /** Direct group memberships of the given users, in one query. */
  async groupsOf(userIds: string[]): Promise<Map<string, UserGroupRef[]>> {
    const result = new Map<string, UserGroupRef[]>();
    if (userIds.length === 0) {
      return result;
    }
    const rows = await this.reader.all<{
      user_id: string;
      id: string;
      display_name: string;
    }>(
      `SELECT m.user_id, g.id, g.display_name FROM scim_group_members m
       JOIN scim_groups g ON g.id = m.group_id
       WHERE m.user_id IN (${placeholders(userIds)}) ORDER BY g.display_name`,
      userIds,
    );
    for (const row of rows) {
      const list = result.get(row.user_id) ?? [];
      list.push({ id: row.id, displayName: row.display_name });
      result.set(row.user_id, list);
    }
    return result;
  }
}
