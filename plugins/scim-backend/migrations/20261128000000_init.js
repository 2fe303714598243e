/*
 * Storage for SCIM-provisioned identities and the SCIM admin state.
 */

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('scim_users', table => {
    table.comment('Users provisioned over SCIM by the identity provider');
    table.string('id', 36).primary().notNullable().comment('SCIM id (uuid)');
    table.string('user_name', 512).notNullable().comment('userName as sent');
    table
      .string('user_name_norm', 512)
      .notNullable()
      .unique()
      .comment('lower-cased userName: case-insensitive uniqueness and lookups');
    table.string('external_id', 512).nullable().index();
    table.string('display_name', 512).nullable();
    table.boolean('active').notNullable().defaultTo(true);
    table
      .text('data')
      .notNullable()
      .comment('the SCIM resource as JSON, without id, meta and groups');
    table.integer('version').notNullable().defaultTo(1);
    table.string('created_at', 30).notNullable().comment('ISO 8601, UTC');
    table.string('updated_at', 30).notNullable().comment('ISO 8601, UTC');
  });

  await knex.schema.createTable('scim_groups', table => {
    table.comment('Groups provisioned over SCIM by the identity provider');
    table.string('id', 36).primary().notNullable();
    table.string('display_name', 512).notNullable();
    table
      .string('display_name_norm', 512)
      .notNullable()
      .unique()
      .comment('lower-cased displayName: Entra matches groups on it');
    table.string('external_id', 512).nullable().index();
    table.text('data').notNullable();
    table.integer('version').notNullable().defaultTo(1);
    table.string('created_at', 30).notNullable();
    table.string('updated_at', 30).notNullable();
  });

  await knex.schema.createTable('scim_group_members', table => {
    table.comment('Group membership, one row per member');
    table
      .string('group_id', 36)
      .notNullable()
      .references('id')
      .inTable('scim_groups')
      .onDelete('CASCADE');
    table
      .string('user_id', 36)
      .notNullable()
      .references('id')
      .inTable('scim_users')
      .onDelete('CASCADE');
    table.primary(['group_id', 'user_id']);
    table.index(['user_id'], 'scim_group_members_user_id_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('scim_group_members');
  await knex.schema.dropTable('scim_groups');
  await knex.schema.dropTable('scim_users');
};
