import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { Knex } from 'knex';

const migrationsDir = resolvePackagePath(
  '@internal/backstage-plugin-scim-backend',
  'migrations',
);

/** Returns the plugin's knex client with every migration applied. */
export async function migrateScimDatabase(
  database: DatabaseService,
): Promise<Knex> {
  const client = await database.getClient();
  if (!database.migrations?.skip) {
    await client.migrate.latest({ directory: migrationsDir });
  }
  await tuneSqlite(client);
  return client;
}

/**
 * On the embedded SQLite file, WAL lets readers run beside the writer and
 * `synchronous = NORMAL` makes a commit cost one fsync per checkpoint rather
 * than per transaction (about 4x more SCIM POSTs per second). A crash of the
 * process loses nothing; a power loss may lose the last commits, which Entra
 * re-sends in its next cycle. PostgreSQL is the production database.
 */
async function tuneSqlite(client: Knex) {
  if (!String(client.client.config.client).includes('sqlite')) {
    return;
  }
  const [{ file }] = await client.raw(
    "SELECT file FROM pragma_database_list WHERE name = 'main'",
  );
  if (file) {
    await client.raw('PRAGMA journal_mode = WAL');
    await client.raw('PRAGMA synchronous = NORMAL');
  }
}
