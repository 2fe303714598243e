import { createApiRef } from '@backstage/core-plugin-api';
import {
  CreatedScimToken,
  ScimSettings,
  ScimTokenInfo,
} from '@internal/backstage-plugin-scim-common';

/** The SCIM plugin's admin API, as the Identity and access page uses it. */
export interface ScimAdminApi {
  getSettings(): Promise<ScimSettings>;
  updateSettings(settings: { enabled: boolean }): Promise<ScimSettings>;
  listTokens(): Promise<ScimTokenInfo[]>;
  createToken(request: {
    validityDays: number;
    description?: string;
  }): Promise<CreatedScimToken>;
  revokeToken(id: string): Promise<void>;
}

export const scimAdminApiRef = createApiRef<ScimAdminApi>({
  id: 'plugin.scim.admin',
});
