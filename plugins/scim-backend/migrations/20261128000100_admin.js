/*
 * Settings, bearer tokens and the admin audit trail.
 */

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('scim_settings', table => {
    table.comment('Key/value settings of the SCIM plugin');
    table.string('key', 64).primary().notNullable();
    table.text('value').notNullable().comment('JSON value');
    table.string('updated_by', 255).nullable();
    table.string('updated_at', 30).notNullable();
  });

  await knex.schema.createTable('scim_tokens', table => {
    table.comment('Bearer tokens for the SCIM endpoint; only hashes are kept');
    table.string('id', 36).primary().notNullable();
    table
      .string('token_hash', 64)
      .notNullable()
      .unique()
      .comment('hex SHA-256 of the token');
    table.string('prefix', 32).notNullable().comment('non-secret start of the token');
    table.string('description', 255).nullable();
    table.string('created_by', 255).notNullable();
    table.string('created_at', 30).notNullable();
    table.string('expires_at', 30).notNullable();
    table.string('last_used_at', 30).nullable();
    table.string('revoked_at', 30).nullable();
    table.string('revoked_by', 255).nullable();
  });

  await knex.schema.createTable('scim_audit', table => {
    table.comment('Who changed SCIM settings, tokens and access, and when');
    table.bigIncrements('id').primary();
    table.string('actor', 255).notNullable();
    table.string('action', 64).notNullable();
    table.string('target', 255).nullable();
    table.text('details').nullable().comment('JSON');
    table.string('created_at', 30).notNullable().index();
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('scim_audit');
  await knex.schema.dropTable('scim_tokens');
  await knex.schema.dropTable('scim_settings');
};
