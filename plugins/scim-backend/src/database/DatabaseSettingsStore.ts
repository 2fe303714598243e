import { Knex } from 'knex';

/** The `scim_settings` key/value table; values are stored as JSON text. */
export class DatabaseSettingsStore {
  constructor(private readonly db: Knex) {}

  /** The stored value, or undefined when the key was never set. */
  async get<T>(key: string): Promise<T | undefined> {
    const row = await this.db('scim_settings').where({ key }).first('value');
    return row ? (JSON.parse(row.value) as T) : undefined;
  }

  /** Inserts or overwrites the value (one statement, safe across replicas). */
  async set(
    key: string,
    value: unknown,
    updatedBy: string,
    updatedAt: string,
  ): Promise<void> {
    await this.db('scim_settings')
      .insert({
        key,
        value: JSON.stringify(value),
        updated_by: updatedBy,
        updated_at: updatedAt,
      })
      .onConflict('key')
      .merge(['value', 'updated_by', 'updated_at']);
  }
}
