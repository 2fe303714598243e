import { Knex } from 'knex';

/** Key/value settings of the plugin, values stored as JSON. */
export class DatabaseSettingsStore {
  constructor(private readonly db: Knex) {}

  async get<T>(key: string): Promise<T | undefined> {
    const row = await this.db('scim_settings').where({ key }).first('value');
    return row ? (JSON.parse(row.value) as T) : undefined;
  }

  async set(key: string, value: unknown, updatedBy: string): Promise<void> {
    await this.db('scim_settings')
      .insert({
        key,
        value: JSON.stringify(value),
        updated_by: updatedBy,
        updated_at: new Date().toISOString(),
      })
      .onConflict('key')
      .merge(['value', 'updated_by', 'updated_at']);
  }
}
