import { DirectoryUser } from '@internal/backstage-plugin-scim-common';
import { Knex } from 'knex';
import { parseData } from '../database/dbUtils';
import { anyOf, dialectOf, sql } from '../scim/filter/sqlDialect';

/** What the directory adds to a SCIM group entity from our tables. */
export interface ScimGroupSummary {
  updatedAt: string;
  /** Active members: the ones the catalog lists. */
  memberCount: number;
}

export interface DirectoryPageQuery {
  search?: string;
  offset: number;
  limit: number;
}

interface DeactivatedUserRow {
  id: string;
  user_name: string;
  display_name: string | null;
  data: string;
  updated_at: string;
}

/** The primary (else first) e-mail of a stored SCIM user. */
function primaryEmail(data: string): string | undefined {
  const emails = parseData(data).emails;
  if (!Array.isArray(emails)) {
    return undefined;
  }
  const email = emails.find(e => e?.primary === true) ?? emails[0];
  return typeof email?.value === 'string' ? email.value : undefined;
}

/**
 * The directory's reads of the SCIM tables: one query per page for the
 * enrichment of catalog entities, and the deactivated users the catalog no
 * longer holds.
 */
export class ScimDirectoryStore {
  constructor(private readonly db: Knex) {}

  /** `updated_at` of the given SCIM users, by id. */
  async userUpdatedAt(ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) {
      return new Map();
    }
    const rows: Array<{ id: string; updated_at: string }> = await this.db(
      'scim_users',
    )
      .whereIn('id', ids)
      .select('id', 'updated_at');
    return new Map(rows.map(row => [row.id, row.updated_at]));
  }

  /** `updated_at` and active member count of the given SCIM groups, by id. */
  async groupSummaries(ids: string[]): Promise<Map<string, ScimGroupSummary>> {
    if (ids.length === 0) {
      return new Map();
    }
    const activeMembers = this.db('scim_group_members as m')
      .join('scim_users as u', 'u.id', 'm.user_id')
      .where('u.active', true)
      .whereIn('m.group_id', ids)
      .groupBy('m.group_id')
      .select('m.group_id')
      .count({ count: '*' })
      .as('c');
    const rows: Array<{
      id: string;
      updated_at: string;
      count: number | string | null;
    }> = await this.db('scim_groups as g')
      .leftJoin(activeMembers, 'c.group_id', 'g.id')
      .whereIn('g.id', ids)
      .select('g.id', 'g.updated_at', 'c.count');
    return new Map(
      rows.map(row => [
        row.id,
        { updatedAt: row.updated_at, memberCount: Number(row.count ?? 0) },
      ]),
    );
  }

  /** SCIM users with `active = false`, by userName, searched in userName and displayName. */
  async listDeactivatedUsers(
    query: DirectoryPageQuery,
  ): Promise<{ items: DirectoryUser[]; totalCount: number }> {
    const dialect = dialectOf(this.db);
    const term = query.search?.trim().toLowerCase();
    const where = (builder: Knex.QueryBuilder) => {
      builder.where('active', false);
      if (term) {
        const matches = anyOf([
          dialect.contains(sql('user_name_norm'), term),
          dialect.contains(sql(`lower(coalesce(display_name, ''))`), term),
        ]);
        builder.whereRaw(matches.sql, matches.bindings as Knex.Value[]);
      }
    };
    const [rows, [{ count }]] = await Promise.all([
      this.db('scim_users')
        .where(where)
        .orderBy('user_name_norm')
        .offset(query.offset)
        .limit(query.limit)
        .select(
          'id',
          'user_name',
          'display_name',
          'data',
          'updated_at',
        ) as Promise<DeactivatedUserRow[]>,
      this.db('scim_users').where(where).count({ count: '*' }),
    ]);
    return {
      totalCount: Number(count),
      items: rows.map(row => ({
        scimId: row.id,
        userName: row.user_name,
        displayName: row.display_name ?? undefined,
        email: primaryEmail(row.data),
        source: 'scim',
        active: false,
        lastProvisionedAt: row.updated_at,
      })),
    };
  }
}
