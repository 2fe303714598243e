import { Page, ScimAuditEntry } from '@internal/backstage-plugin-scim-common';
import { Knex } from 'knex';

/** What an admin did: who, what, to what, with which before/after. */
export interface AuditRecord {
  actor: string;
  action: string;
  target?: string;
  details?: Record<string, unknown>;
}

/** The append-only admin audit trail. */
export class DatabaseAuditStore {
  constructor(
    private readonly db: Knex,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async append(record: AuditRecord): Promise<void> {
    await this.db('scim_audit').insert({
      actor: record.actor,
      action: record.action,
      target: record.target ?? null,
      details: record.details ? JSON.stringify(record.details) : null,
      created_at: this.now().toISOString(),
    });
  }

  /** Newest first. */
  async list(offset: number, limit: number): Promise<Page<ScimAuditEntry>> {
    const [{ count }] = await this.db('scim_audit').count({ count: '*' });
    const rows = await this.db('scim_audit')
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
