import { Page, ScimAuditEntry } from '@internal/backstage-plugin-scim-common';
import { Knex } from 'knex';

/** One row of the admin audit trail, as the service hands it over. */
export interface AuditRow {
  actor: string;
  action: string;
  target?: string;
  details?: Record<string, unknown>;
  /** ISO-8601 UTC. */
  createdAt: string;
}

interface AuditDbRow {
  id: number | string;
  actor: string;
  action: string;
  target: string | null;
  details: string | null;
  created_at: string;
}

/** The append-only `scim_audit` table. */
export class DatabaseAuditStore {
  constructor(private readonly db: Knex) {}

  async append(row: AuditRow): Promise<void> {
    await this.db('scim_audit').insert({
      actor: row.actor,
      action: row.action,
      target: row.target ?? null,
      details: row.details ? JSON.stringify(row.details) : null,
      created_at: row.createdAt,
    });
  }

  /**
   * Newest first. Ordered by the auto-increment id rather than `created_at`:
   * it is insertion order even when two entries share a millisecond.
   */
  async list(offset: number, limit: number): Promise<Page<ScimAuditEntry>> {
    const [{ count }] = await this.db('scim_audit').count({ count: '*' });
    const rows = await this.db<AuditDbRow>('scim_audit')
      .orderBy('id', 'desc')
      .offset(offset)
      .limit(limit)
      .select();
    return {
      items: rows.map(row => ({
        id: String(row.id),
        actor: row.actor,
        action: row.action,
        target: row.target ?? undefined,
        details: row.details ? JSON.parse(row.details) : undefined,
        createdAt: row.created_at,
      })),
      totalCount: Number(count),
      offset,
      limit,
    };
  }
}
