/*
 * The provisioning log: one row per SCIM request received, written in
 * batches off the request path and pruned by age and row count.
 */

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('scim_provisioning_log', table => {
    table.comment('Every SCIM request received, with its redacted bodies');
    table
      .bigIncrements('seq')
      .primary()
      .comment('Record order; the id and the paging cursor');
    table
      .string('time', 30)
      .notNullable()
      .index()
      .comment('ISO-8601 UTC start of the request');
    table.string('request_id', 64).notNullable();
    table.string('method', 10).notNullable();
    table.text('path').notNullable().comment('Below the SCIM base, with query');
    table.string('resource_type', 16).notNullable().index();
    table.string('operation', 16).notNullable().index();
    table.string('resource_id', 255).nullable();
    table
      .string('resource_name', 255)
      .nullable()
      .comment('userName or group displayName');
    table.string('external_id', 255).nullable();
    table.integer('status').notNullable().index();
    table.string('scim_type', 32).nullable();
    table.text('detail').nullable();
    table.integer('duration_ms').notNullable();
    table.string('token_id', 36).nullable();
    table
      .string('token_prefix', 32)
      .nullable()
      .comment('Non-secret start of the token');
    table.text('request_body').nullable().comment('Redacted and truncated');
    table.text('response_body').nullable().comment('Redacted and truncated');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('scim_provisioning_log');
};
