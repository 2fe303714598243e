import { ScimTokenInfo } from '@internal/backstage-plugin-scim-common';
import { Knex } from 'knex';

/** A token row: everything but a secret, which is never stored. */
export interface TokenRecord extends ScimTokenInfo {
  tokenHash: string;
}

interface TokenRow {
  id: string;
  token_hash: string;
  prefix: string;
  description: string | null;
  created_by: string;
  created_at: string;
  expires_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

const toRecord = (row: TokenRow): TokenRecord => ({
  id: row.id,
  tokenHash: row.token_hash,
  prefix: row.prefix,
  description: row.description ?? undefined,
  createdBy: row.created_by,
  createdAt: row.created_at,
  expiresAt: row.expires_at,
  lastUsedAt: row.last_used_at ?? undefined,
  revokedAt: row.revoked_at ?? undefined,
});

/** The `scim_tokens` table: SCIM bearer tokens, stored by hash only. */
export class DatabaseTokenStore {
  constructor(private readonly db: Knex) {}

  async insert(
    record: Omit<TokenRecord, 'lastUsedAt' | 'revokedAt'>,
  ): Promise<void> {
    await this.db('scim_tokens').insert({
      id: record.id,
      token_hash: record.tokenHash,
      prefix: record.prefix,
      description: record.description ?? null,
      created_by: record.createdBy,
      created_at: record.createdAt,
      expires_at: record.expiresAt,
    });
  }

  async findByHash(tokenHash: string): Promise<TokenRecord | undefined> {
    const row = await this.db<TokenRow>('scim_tokens')
      .where({ token_hash: tokenHash })
      .first();
    return row ? toRecord(row) : undefined;
  }

  async findById(id: string): Promise<TokenRecord | undefined> {
    const row = await this.db<TokenRow>('scim_tokens').where({ id }).first();
    return row ? toRecord(row) : undefined;
  }

  /** Newest first; the id breaks ties so the order is stable. */
  async list(): Promise<TokenRecord[]> {
    const rows = await this.db<TokenRow>('scim_tokens')
      .orderBy([
        { column: 'created_at', order: 'desc' },
        { column: 'id', order: 'asc' },
      ])
      .select();
    return rows.map(toRecord);
  }

  /** Marks a token revoked; false when it does not exist or was revoked already. */
  async revoke(
    id: string,
    revokedAt: string,
    revokedBy: string,
  ): Promise<boolean> {
    const updated = await this.db('scim_tokens')
      .where({ id })
      .whereNull('revoked_at')
      .update({ revoked_at: revokedAt, revoked_by: revokedBy });
    return updated > 0;
  }

  /** Records when the token was last presented (throttled by the caller). */
  async touch(id: string, lastUsedAt: string): Promise<void> {
    await this.db('scim_tokens')
      .where({ id })
      .update({ last_used_at: lastUsedAt });
  }
}
