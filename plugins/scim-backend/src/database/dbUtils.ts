import { isDatabaseConflictError } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';

export const isPostgres = (db: Knex) =>
  String(db.client.config.client).includes('pg');

/**
 * Rows per multi-row statement. knex compiles SQLite multi-row inserts to
 * `INSERT ... SELECT ... UNION ALL`, capped at 500 terms by SQLite.
 */
export const chunkSize = (db: Knex) => (isPostgres(db) ? 5000 : 250);

export function chunks<T>(items: T[], size: number): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) {
    result.push(items.slice(i, i + size));
  }
  return result;
}

/** `?, ?, ?` for an `IN (...)` list of these values. */
export const placeholders = (values: readonly unknown[]) =>
  values.map(() => '?').join(', ');

/** Parses the JSON `data` column: text on both engines. */
export const parseData = (data: unknown): Record<string, unknown> =>
  typeof data === 'string'
    ? JSON.parse(data)
    : (data as Record<string, unknown>);

/** Runs a write and reports a unique-constraint violation as `conflict`. */
export async function withConflictAs<T>(
  conflict: Error,
  write: () => PromiseLike<T>,
): Promise<T> {
  try {
    return await write();
  } catch (error) {
    throw isDatabaseConflictError(error) ? conflict : error;
  }
}
