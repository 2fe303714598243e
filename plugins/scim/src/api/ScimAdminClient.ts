import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import {
  CreatedScimToken,
  Page,
  ScimAuditEntry,
  ScimSettings,
  ScimTokenInfo,
} from '@internal/backstage-plugin-scim-common';
import { ScimAdminApi } from './ScimAdminApi';
import { createScimFetch, ScimFetch } from './scimFetch';

/** {@link ScimAdminApi} over HTTP: the only place that knows the admin API's URLs. */
export class ScimAdminClient implements ScimAdminApi {
  private readonly request: ScimFetch;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.request = createScimFetch(options);
  }

  getSettings(): Promise<ScimSettings> {
    return this.request('/admin/settings');
  }

  updateSettings(settings: { enabled: boolean }): Promise<ScimSettings> {
    return this.request('/admin/settings', {
      method: 'PUT',
      body: { enabled: settings.enabled },
    });
  }

  async listTokens(): Promise<ScimTokenInfo[]> {
    const { items } = await this.request<{ items: ScimTokenInfo[] }>(
      '/admin/tokens',
    );
    return items;
  }

  createToken(request: {
    validityDays: number;
    description?: string;
  }): Promise<CreatedScimToken> {
    return this.request('/admin/tokens', {
      method: 'POST',
      body: {
        validityDays: request.validityDays,
        ...(request.description ? { description: request.description } : {}),
      },
    });
  }

  async revokeToken(id: string): Promise<void> {
    await this.request(`/admin/tokens/${encodeURIComponent(id)}`, {
      method: 'DELETE',
    });
  }

  listAuditEntries(
    options: { offset?: number; limit?: number } = {},
  ): Promise<Page<ScimAuditEntry>> {
    return this.request('/admin/audit', {
      query: { offset: options.offset, limit: options.limit },
    });
  }
}
