import { Knex } from 'knex';
import { isPostgres } from './dbUtils';

/** The part of a better-sqlite3 connection this reader uses. */
interface SqliteConnection {
  prepare(sql: string): { all(...bindings: unknown[]): unknown[] };
}
type SqliteStatement = ReturnType<SqliteConnection['prepare']>;

/** Statements kept per connection; filter shapes are client-chosen, so the cache is bounded. */
const MAX_STATEMENTS = 256;

/** better-sqlite3 binds numbers, strings, bigints, buffers and null only; knex converts the rest the same way. */
const sqliteBinding = (value: unknown) => {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value instanceof Date) return value.valueOf();
  return value === undefined ? null : value;
};

/**
 * Runs the SCIM endpoint's hot reads (a filtered list, a resource by id, a
 * user's groups) from SQL text with `?` placeholders. knex builds and, on
 * SQLite, prepares every query anew; on a filtered `GET /Users` that was
 * about a fifth of the backend's CPU (docs/performance.md). On SQLite this
 * keeps the better-sqlite3 statements per connection; on PostgreSQL the text
 * goes through `knex.raw`, which only numbers the placeholders.
 */
export class SqlReader {
  private readonly statements = new WeakMap<
    SqliteConnection,
    Map<string, SqliteStatement>
  >();

  private readonly postgres: boolean;

  private constructor(private readonly db: Knex) {
    this.postgres = isPostgres(db);
  }

  private static readonly readers = new WeakMap<Knex, SqlReader>();

  /** One reader per database, so every store shares the statement cache. */
  static of(db: Knex): SqlReader {
    let reader = SqlReader.readers.get(db);
    if (!reader) {
      reader = new SqlReader(db);
      SqlReader.readers.set(db, reader);
    }
    return reader;
  }

  async all<Row>(sql: string, bindings: readonly unknown[]): Promise<Row[]> {
    if (this.postgres) {
      const result = await this.db.raw(sql, bindings as Knex.RawBinding[]);
      return result.rows as Row[];
    }
    // The pool's connection, so reads still wait for a running write transaction.
    const connection: SqliteConnection =
      await this.db.client.acquireConnection();
    try {
      return this.statement(connection, sql).all(
        ...bindings.map(sqliteBinding),
      ) as Row[];
    } finally {
      await this.db.client.releaseConnection(connection);
    }
  }

  private statement(connection: SqliteConnection, sql: string) {
    let cache = this.statements.get(connection);
    if (!cache) {
      cache = new Map();
      this.statements.set(connection, cache);
    }
    let statement = cache.get(sql);
    if (statement) {
      // Re-inserted so that the Map's order is least recently used first.
      cache.delete(sql);
    } else {
      statement = connection.prepare(sql);
      if (cache.size >= MAX_STATEMENTS) {
        cache.delete(cache.keys().next().value!);
      }
    }
    cache.set(sql, statement);
    return statement;
  }
}
