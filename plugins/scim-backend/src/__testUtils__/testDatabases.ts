import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import { migrateScimDatabase } from '../database/migrateScimDatabase';

const POSTGRES_ENV = 'BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING';
let warned = false;

/**
 * SQLite always, PostgreSQL 15 when its connection string is set.
 * In CI the PostgreSQL leg is mandatory, so it can never skip silently.
 */
export function createTestDatabases(): TestDatabases {
  const ids: TestDatabaseId[] = ['SQLITE_3'];
  if (process.env[POSTGRES_ENV]) {
    ids.push('POSTGRES_15');
  } else if (process.env.CI) {
    throw new Error(`${POSTGRES_ENV} must be set in CI`);
  } else if (!warned) {
    warned = true;
    // eslint-disable-next-line no-console
    console.warn(`${POSTGRES_ENV} is not set: PostgreSQL tests are skipped`);
  }
  return TestDatabases.create({ ids, disableDocker: true });
}

/** A fresh database of the given engine with every SCIM migration applied. */
export async function initScimDatabase(
  databases: TestDatabases,
  id: TestDatabaseId,
): Promise<Knex> {
  const db = await databases.init(id);
  await migrateScimDatabase({
    getClient: async () => db,
    migrations: { skip: false },
  });
  return db;
}
