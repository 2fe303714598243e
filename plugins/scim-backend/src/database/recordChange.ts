import { Knex } from 'knex';

/** Appends to the change feed; call inside the transaction of the write. */
export async function recordChange(
  trx: Knex | Knex.Transaction,
  kind: 'user' | 'group',
  resourceId: string,
) {
  await trx('scim_changes').insert({
    kind,
    resource_id: resourceId,
    created_at: new Date().toISOString(),
  });
}
