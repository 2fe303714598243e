import { LoggerService } from '@backstage/backend-plugin-api';
import { InputError, NotFoundError } from '@backstage/errors';
import {
  CreatedScimToken,
  ScimTokenInfo,
} from '@internal/backstage-plugin-scim-common';
import {
  createHash,
  randomBytes,
  randomUUID,
  timingSafeEqual,
} from 'node:crypto';
import {
  DatabaseTokenStore,
  TokenRecord,
} from '../database/DatabaseTokenStore';
import { AuditLog } from './AuditLog';

/** Recognisable start of every token, so secret scanners can find leaked ones. */
export const TOKEN_PREFIX = 'bscim_';
/** 32 random bytes = 256 bits, base64url without padding. */
const TOKEN_PATTERN = /^bscim_[A-Za-z0-9_-]{43}$/;
/** Characters of the token shown in lists: the marker and 6 characters (36 of 256 bits). */
const DISPLAY_PREFIX_LENGTH = TOKEN_PREFIX.length + 6;
const DAY_MS = 24 * 60 * 60 * 1000;
/**
 * How long a looked-up token row is trusted from memory, so a busy Entra
 * sync costs no token query per request. A revocation through this process
 * clears the entry at once; other replicas notice within this time.
 */
export const TOKEN_CACHE_TTL_MS = 5_000;
/** `lastUsedAt` is written at most this often per token (per process), not on every request. */
export const LAST_USED_INTERVAL_MS = 60_000;

/**
 * SHA-256, no salt, no slow hash: tokens carry 256 random bits, so there is
 * no dictionary to attack and a slow password hash (bcrypt, scrypt) would only
 * add cost to every SCIM request without making guessing any harder.
 */
const hashToken = (token: string) =>
  createHash('sha256').update(token).digest('hex');

/** Why a presented token was refused. */
export type TokenRejection = 'malformed' | 'unknown' | 'expired' | 'revoked';

export type TokenVerification =
  | { ok: true; id: string; prefix: string }
  | { ok: false; reason: TokenRejection };

export interface TokenServiceOptions {
  tokens: DatabaseTokenStore;
  audit: AuditLog;
  logger: LoggerService;
  maxValidityDays: number;
  now?: () => Date;
}

/** Creates, lists, revokes and verifies the SCIM bearer tokens. */
export class TokenService {
  private readonly cache = new Map<
    string,
    { record: TokenRecord; cachedAt: number }
  >();
  private readonly lastUsedWritten = new Map<string, number>();
  /** Bumped on every revocation, so a lookup that raced with it is not cached. */
  private revocations = 0;
  private readonly now: () => Date;

  constructor(private readonly options: TokenServiceOptions) {
    this.now = options.now ?? (() => new Date());
  }

  async create(request: {
    validityDays: unknown;
    description?: unknown;
    actor: string;
  }): Promise<CreatedScimToken> {
    const validityDays = this.validateValidity(request.validityDays);
    const description = validateDescription(request.description);
    const token = `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
    const now = this.now();
    const record = {
      id: randomUUID(),
      tokenHash: hashToken(token),
      prefix: token.slice(0, DISPLAY_PREFIX_LENGTH),
      description,
      createdBy: request.actor,
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + validityDays * DAY_MS).toISOString(),
    };
    await this.options.tokens.insert(record);
    await this.options.audit.record({
      actor: request.actor,
      action: 'token.created',
      target: record.id,
      details: {
        prefix: record.prefix,
        description,
        validityDays,
        expiresAt: record.expiresAt,
      },
    });
    this.options.logger.info(
      `SCIM token ${record.id} (${record.prefix}…) created by ${request.actor}`,
    );
    return { id: record.id, token, expiresAt: record.expiresAt, description };
  }

  async list(): Promise<ScimTokenInfo[]> {
    return (await this.options.tokens.list()).map(
      ({ tokenHash: _, ...info }) => info,
    );
  }

  /** Revokes at once; revoking an already revoked token is a no-op that is still audited. */
  async revoke(id: string, actor: string): Promise<void> {
    const record = await this.options.tokens.findById(id);
    if (!record) {
      throw new NotFoundError(`Token ${id} not found`);
    }
    const revokedAt = this.now().toISOString();
    let revoked: boolean;
    try {
      revoked = await this.options.tokens.revoke(id, revokedAt, actor);
    } finally {
      this.revocations += 1;
      this.cache.delete(record.tokenHash);
    }
    await this.options.audit.record({
      actor,
      action: 'token.revoked',
      target: id,
      details: {
        prefix: record.prefix,
        description: record.description,
        before: { revokedAt: record.revokedAt ?? null },
        after: { revokedAt: revoked ? revokedAt : record.revokedAt ?? null },
      },
    });
    if (revoked) {
      this.options.logger.info(
        `SCIM token ${id} (${record.prefix}…) revoked by ${actor}`,
      );
    }
  }

  /** Checks a presented token; constant-time on the hash, cheap under load. */
  async verify(token: string): Promise<TokenVerification> {
    if (!TOKEN_PATTERN.test(token)) {
      return { ok: false, reason: 'malformed' };
    }
    const hash = hashToken(token);
    const nowMs = this.now().getTime();
    let record = this.cache.get(hash);
    if (!record || nowMs - record.cachedAt > TOKEN_CACHE_TTL_MS) {
      const revocations = this.revocations;
      const stored = await this.options.tokens.findByHash(hash);
      record = stored && { record: stored, cachedAt: nowMs };
      if (record && revocations === this.revocations) {
        this.cache.set(hash, record);
      } else {
        // Unknown hashes are not cached: that would let anyone fill the memory.
        this.cache.delete(hash);
      }
    }
    // The database compares hashes, so its timing can leak only bits of a
    // SHA-256 digest, never of the token. The final check is constant-time
    // regardless, so the decision does not depend on how the lookup compares.
    if (
      !record ||
      !timingSafeEqual(
        Buffer.from(record.record.tokenHash, 'hex'),
        Buffer.from(hash, 'hex'),
      )
    ) {
      return { ok: false, reason: 'unknown' };
    }
    const { id, prefix, revokedAt, expiresAt } = record.record;
    if (revokedAt) {
      return { ok: false, reason: 'revoked' };
    }
    if (Date.parse(expiresAt) <= nowMs) {
      return { ok: false, reason: 'expired' };
    }
    this.noteUse(id, nowMs);
    return { ok: true, id, prefix };
  }

  private noteUse(id: string, nowMs: number) {
    const last = this.lastUsedWritten.get(id) ?? 0;
    if (nowMs - last < LAST_USED_INTERVAL_MS) {
      return;
    }
    this.lastUsedWritten.set(id, nowMs);
    this.options.tokens
      .touch(id, new Date(nowMs).toISOString())
      .catch(error =>
        this.options.logger.warn(
          `Could not record use of SCIM token ${id}: ${error}`,
        ),
      );
  }

  private validateValidity(value: unknown): number {
    const max = this.options.maxValidityDays;
    if (
      typeof value !== 'number' ||
      !Number.isInteger(value) ||
      value < 1 ||
      value > max
    ) {
      throw new InputError(
        `validityDays must be a whole number of days from 1 to ${max}`,
      );
    }
    return value;
  }
}

function validateDescription(value: unknown): string | undefined {
  if (value === undefined || value === null || value === '') {
    return undefined;
  }
  if (typeof value !== 'string' || value.length > 255) {
    throw new InputError(
      'description must be a string of at most 255 characters',
    );
  }
  return value;
}
