/*
 * The change feed the catalog module reads: one row per written user or
 * group, appended in the same transaction as the write.
 */

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('scim_changes', table => {
    table.comment('Users and groups changed by SCIM writes, in commit order');
    table.bigIncrements('seq').primary();
    table.string('kind', 8).notNullable().comment("'user' or 'group'");
    table.string('resource_id', 36).notNullable();
    table.string('created_at', 30).notNullable().index();
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('scim_changes');
};
