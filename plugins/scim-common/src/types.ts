/** Response of `GET /api/scim/admin/settings`. */
export interface ScimSettings {
  /** Whether the SCIM endpoint accepts provisioning requests. */
  enabled: boolean;
  /** Externally reachable SCIM base URL, the Entra "Tenant URL". */
  baseUrl: string;
  /** Longest validity, in days, a new token may have (`scim.tokens.maxValidityDays`). */
  maxTokenValidityDays: number;
}

/** A SCIM bearer token as listed by the admin API: never the secret. */
export interface ScimTokenInfo {
  id: string;
  description?: string;
  /** Non-secret start of the token, to recognise it. */
  prefix: string;
  createdBy: string;
  createdAt: string;
  expiresAt: string;
  lastUsedAt?: string;
  revokedAt?: string;
}

/** Response of `POST /api/scim/admin/tokens`: the only time the secret is shown. */
export interface CreatedScimToken {
  id: string;
  token: string;
  expiresAt: string;
  description?: string;
}

/** One admin action, as `GET /api/scim/admin/audit` returns it. */
export interface ScimAuditEntry {
  id: string;
  actor: string;
  action: string;
  target?: string;
  details?: Record<string, unknown>;
  createdAt: string;
}

/** A page of results from an admin list route. */
export interface Page<T> {
  items: T[];
  totalCount: number;
  offset: number;
  limit: number;
}

/** The validity choices the admin UI offers for new tokens, in days. */
export const TOKEN_VALIDITY_PRESETS_DAYS = [30, 90, 180, 365] as const;
