import { Knex } from 'knex';
import { Sql } from '../scim/filter/sqlDialect';
import { ScimAttributes } from '../scim/schema/normalizeResource';
import { parseData } from './dbUtils';
import { recordChange } from './recordChange';
import { SqlReader } from './SqlReader';

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
  /** A condition from `filterToSql`. */
  where?: Sql;
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
const SELECT_COLUMNS = RESOURCE_COLUMNS.join(', ');

export const toStoredResource = (row: ResourceRow): StoredResource => ({
  id: row.id,
  attributes: parseData(row.data),
  version: Number(row.version),
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

/** The reads users and groups share: by id, filtered pages, counts. */
export class ScimResourceTable {
  protected readonly reader: SqlReader;

  constructor(
    protected readonly db: Knex,
    private readonly table: string,
    private readonly kind: 'user' | 'group',
  ) {
    this.reader = SqlReader.of(db);
  }

  async get(id: string): Promise<StoredResource | undefined> {
    const [row] = await this.reader.all<ResourceRow>(
      `SELECT ${SELECT_COLUMNS} FROM ${this.table} WHERE id = ?`,
      [id],
    );
    return row ? toStoredResource(row) : undefined;
  }

  async list(options: ListOptions): Promise<StoredResource[]> {
    if (options.limit === 0) {
      return [];
    }
    const { where } = options;
    // Ordered by the primary key so pages are stable without a sort.
    const rows = await this.reader.all<ResourceRow>(
      `SELECT ${SELECT_COLUMNS} FROM ${this.table}${
        where ? ` WHERE (${where.sql})` : ''
      } ORDER BY id LIMIT ? OFFSET ?`,
      [...(where?.bindings ?? []), options.limit, options.offset],
    );
    return rows.map(toStoredResource);
  }

  async count(where?: Sql): Promise<number> {
    const [{ count }] = await this.reader.all<{ count: number | string }>(
      `SELECT count(*) AS count FROM ${this.table}${
        where ? ` WHERE (${where.sql})` : ''
      }`,
      where?.bindings ?? [],
    );
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
