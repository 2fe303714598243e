import { Knex } from 'knex';
import { ScimAttributes } from '../scim/schema/normalizeResource';
import { parseData } from './dbUtils';
import { recordChange } from './recordChange';

/** A stored user or group, without memberships. */
export interface StoredResource {
  id: string;
  attributes: ScimAttributes;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface ResourceRow {
  id: string;
  data: string;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface ListOptions {
  where?: Knex.QueryCallback;
  offset: number;
  limit: number;
}

export const RESOURCE_COLUMNS = [
  'id',
  'data',
  'version',
  'created_at',
  'updated_at',
];

export const toStoredResource = (row: ResourceRow): StoredResource => ({
  id: row.id,
  attributes: parseData(row.data),
  version: Number(row.version),
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

/** The reads users and groups share: by id, filtered pages, counts. */
export class ScimResourceTable {
  constructor(
    protected readonly db: Knex,
    private readonly table: string,
    private readonly kind: 'user' | 'group',
  ) {}

  async get(id: string): Promise<StoredResource | undefined> {
    const row: ResourceRow | undefined = await this.db(this.table)
      .where({ id })
      .first(RESOURCE_COLUMNS);
    return row ? toStoredResource(row) : undefined;
  }

  async list(options: ListOptions): Promise<StoredResource[]> {
    if (options.limit === 0) {
      return [];
    }
    const query = this.db(this.table).select(RESOURCE_COLUMNS);
    if (options.where) {
      query.where(options.where);
    }
    // Ordered by the primary key so pages are stable without a sort.
    const rows: ResourceRow[] = await query
      .orderBy('id')
      .offset(options.offset)
      .limit(options.limit);
    return rows.map(toStoredResource);
  }

  async count(where?: Knex.QueryCallback): Promise<number> {
    const query = this.db(this.table);
    if (where) {
      query.where(where);
    }
    const [{ count }] = await query.count({ count: '*' });
    return Number(count);
  }

  /** Deletes the resource; memberships go with it (ON DELETE CASCADE). */
  async delete(id: string): Promise<boolean> {
    return this.db.transaction(async trx => {
      const deleted = await trx(this.table).where({ id }).delete();
      if (deleted > 0) {
        await recordChange(trx, this.kind, id);
      }
      return deleted > 0;
    });
  }

  /** Loads and locks a row inside `trx` for a read-modify-write. */
  async getForUpdate(
    trx: Knex.Transaction,
    id: string,
  ): Promise<ResourceRow | undefined> {
    const query = trx(this.table).where({ id }).first(RESOURCE_COLUMNS);
    return (await lockIfSupported(trx, query)) as ResourceRow | undefined;
  }
}

/** PostgreSQL row lock; SQLite has one writer at a time anyway. */
function lockIfSupported<T extends Knex.QueryBuilder>(db: Knex, query: T): T {
  return String(db.client.config.client).includes('pg')
    ? (query.forUpdate() as T)
    : query;
}
