import { createApiRef } from '@backstage/core-plugin-api';
import {
  CreatedScimToken,
  Page,
  ScimAuditEntry,
  ScimSettings,
  ScimTokenInfo,
} from '@internal/backstage-plugin-scim-common';

/** The SCIM plugin's admin API, as the Identity and access page uses it. */
export interface ScimAdminApi {
  /** `GET /admin/settings`; rejects with a 403 `ResponseError` without `scim.settings.read`. */
  getSettings(): Promise<ScimSettings>;
  /** `PUT /admin/settings`; needs `scim.settings.manage`. */
  updateSettings(settings: { enabled: boolean }): Promise<ScimSettings>;
  /** `GET /admin/tokens`: every token, newest first, never the secret. */
  listTokens(): Promise<ScimTokenInfo[]>;
  /** `POST /admin/tokens`: the only response that carries the plaintext token. */
  createToken(request: {
    validityDays: number;
    description?: string;
  }): Promise<CreatedScimToken>;
  /** `DELETE /admin/tokens/{id}`. */
  revokeToken(id: string): Promise<void>;
  /** `GET /admin/audit`: one page of the admin audit trail, newest first. */
  listAuditEntries(options?: {
    offset?: number;
    limit?: number;
  }): Promise<Page<ScimAuditEntry>>;
}

/** The {@link ScimAdminApi} reference. */
export const scimAdminApiRef = createApiRef<ScimAdminApi>({
  id: 'plugin.scim.admin',
});
