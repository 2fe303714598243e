/*
 * Group access and manual user roles: (service, role) grants to catalog
 * groups and users, by entity ref. The primary keys make a duplicate grant
 * impossible.
 */

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('scim_group_access', table => {
    table.comment('(service, role) grants to groups, IdP-managed or not');
    table
      .string('group_ref', 255)
      .notNullable()
      .comment('lower-case group entity ref, group:namespace/name');
    table.string('service', 64).notNullable();
    table.string('role', 64).notNullable();
    table.string('granted_by', 255).notNullable();
    table.string('granted_at', 30).notNullable().comment('ISO 8601, UTC');
    table.primary(['group_ref', 'service', 'role']);
  });

  await knex.schema.createTable('scim_user_roles', table => {
    table.comment(
      '(service, role) grants made directly to users: manual roles',
    );
    table
      .string('user_ref', 255)
      .notNullable()
      .comment('lower-case user entity ref, user:namespace/name');
    table.string('service', 64).notNullable();
    table.string('role', 64).notNullable();
    table.string('granted_by', 255).notNullable();
    table.string('granted_at', 30).notNullable().comment('ISO 8601, UTC');
    table.primary(['user_ref', 'service', 'role']);
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('scim_user_roles');
  await knex.schema.dropTable('scim_group_access');
};
