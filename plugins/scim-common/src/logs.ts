/**
 * The provisioning log: every SCIM request received (`/api/scim/admin/logs`)
 * and Entra's own provisioning logs read from Microsoft Graph
 * (`/api/scim/admin/entra/logs`, `/api/scim/admin/entra/job`).
 */

/** Every operation a provisioning log entry can have, in display order. */
export const PROVISIONING_OPERATIONS = [
  'create',
  'update',
  'disable',
  'delete',
  'read',
  'list',
  'test-connection',
  'discovery',
  'other',
] as const;

export type ProvisioningOperation = (typeof PROVISIONING_OPERATIONS)[number];

/** Every resource type a provisioning log entry can have. */
export const PROVISIONING_RESOURCE_TYPES = [
  'User',
  'Group',
  'Discovery',
  'Other',
] as const;

export type ProvisioningResourceType =
  (typeof PROVISIONING_RESOURCE_TYPES)[number];

/** One SCIM request as listed. */
export interface ProvisioningLogEntry {
  id: string;
  time: string;
  requestId: string;
  method: string;
  path: string;
  resourceType: ProvisioningResourceType;
  operation: ProvisioningOperation;
  resourceId?: string;
  /** userName of a user or displayName of a group. */
  resourceName?: string;
  externalId?: string;
  status: number;
  scimType?: string;
  detail?: string;
  durationMs: number;
  tokenId?: string;
  tokenPrefix?: string;
}

/** `GET /api/scim/admin/logs/{id}`: the entry with its redacted, truncated bodies when kept. */
export interface ProvisioningLogDetail extends ProvisioningLogEntry {
  requestBody?: string;
  responseBody?: string;
}

/**
 * `GET /api/scim/admin/logs?from&to&operation&resourceType&status=success|error&search&limit&cursor`.
 * Newest first; pass `nextCursor` as `cursor` for the next page.
 */
export interface ProvisioningLogPage {
  items: ProvisioningLogEntry[];
  nextCursor?: string;
}

/** `GET /api/scim/admin/logs/summary?hours=` (default 72). */
export interface ProvisioningLogSummary {
  buckets: Array<{ hour: string; requests: number; errors: number }>;
  lastSuccessAt?: string;
  lastErrorAt?: string;
  /** Consecutive errors since the last success. */
  errorStreak: number;
}

/** One Entra provisioning event, in the same shape family as local entries. */
export interface EntraProvisioningLogEntry {
  id: string;
  time: string;
  /** Graph `provisioningAction`: create, update, delete, disable, other. */
  operation: string;
  /** `success`, `failure`, `skipped`, `warning`. */
  status: string;
  resourceType?: string;
  sourceName?: string;
  sourceId?: string;
  targetName?: string;
  targetId?: string;
  errorCode?: string;
  errorReason?: string;
  cycleId?: string;
  changeId?: string;
  durationMs?: number;
}

/** When Graph is not configured, the Entra routes answer `{ configured: false }`. */
export interface EntraNotConfigured {
  configured: false;
}

/** `GET /api/scim/admin/entra/logs?cursor&limit`. */
export interface EntraLogPage {
  configured: true;
  items: EntraProvisioningLogEntry[];
  nextCursor?: string;
}

/** `GET /api/scim/admin/entra/job`: the synchronization job of the SCIM app. */
export interface EntraJobStatus {
  configured: true;
  jobId: string;
  templateId?: string;
  /** `Active`, `Paused`, `Quarantine`, ... */
  state: string;
  lastRun?: {
    state?: string;
    startedAt?: string;
    finishedAt?: string;
    error?: string;
  };
  quarantine?: {
    since?: string;
    reason?: string;
    nextAttempt?: string;
  };
  steadyStateLastAchievedAt?: string;
}

/**
 * Errors of the Entra routes: `{ error: { name, message } }` with status
 * 502 (Graph failed or refused: credentials, permission) or 503 (throttled,
 * with `retryAfterSeconds`).
 */
export interface EntraErrorBody {
  error: { name: string; message: string; retryAfterSeconds?: number };
  /**
   * The status again, as in every Backstage error body: without it the
   * frontend's `ResponseError.fromResponse` ignores `error` and keeps the raw text.
   */
  response?: { statusCode: number };
}
