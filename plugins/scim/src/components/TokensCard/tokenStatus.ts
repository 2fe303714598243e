import { ScimTokenInfo } from '@internal/backstage-plugin-scim-common';

/** Tokens expiring within this many days are flagged, so admins rotate before Entra quarantines the job. */
export const EXPIRING_SOON_DAYS = 14;
const DAY_MS = 24 * 60 * 60 * 1000;

export type TokenStatus = 'Active' | 'Expired' | 'Revoked';

export function tokenStatus(token: ScimTokenInfo, now: Date): TokenStatus {
  if (token.revokedAt) return 'Revoked';
  return Date.parse(token.expiresAt) <= now.getTime() ? 'Expired' : 'Active';
}

export function expiresSoon(token: ScimTokenInfo, now: Date): boolean {
  return (
    tokenStatus(token, now) === 'Active' &&
    Date.parse(token.expiresAt) - now.getTime() < EXPIRING_SOON_DAYS * DAY_MS
  );
}
