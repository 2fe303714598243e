import { Page, ScimAuditEntry } from '@internal/backstage-plugin-scim-common';
import { DatabaseAuditStore } from '../database/DatabaseAuditStore';

/** What an admin did: who, what, to what, with which before/after. */
export interface AuditEvent {
  /** A user entity ref, or `service:<subject>`. */
  actor: string;
  /** Dotted verb, e.g. `settings.updated`, `token.created`, `token.revoked`. */
  action: string;
  target?: string;
  /** Shown to every reader of the audit trail: never a token secret or hash. */
  details?: Record<string, unknown>;
}

/** The admin audit trail: records admin actions with the service clock, pages them newest first. */
export class AuditLog {
  constructor(
    private readonly store: DatabaseAuditStore,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async record(event: AuditEvent): Promise<void> {
    await this.store.append({
      ...event,
      createdAt: this.now().toISOString(),
    });
  }

  async list(offset: number, limit: number): Promise<Page<ScimAuditEntry>> {
    return this.store.list(offset, limit);
  }
}
