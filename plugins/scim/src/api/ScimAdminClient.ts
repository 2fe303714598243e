import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  CreatedScimToken,
  Page,
  ScimAuditEntry,
  ScimSettings,
  ScimTokenInfo,
} from '@internal/backstage-plugin-scim-common';
import { ScimAdminApi } from './ScimAdminApi';

/** {@link ScimAdminApi} over HTTP: the only place that knows the admin API's URLs. */
export class ScimAdminClient implements ScimAdminApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
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
    const query = new URLSearchParams();
    if (options.offset !== undefined) {
      query.set('offset', String(options.offset));
    }
    if (options.limit !== undefined) {
      query.set('limit', String(options.limit));
    }
    const search = query.toString();
    return this.request(`/admin/audit${search ? `?${search}` : ''}`);
  }

  private async request<T>(
    path: string,
    options: { method?: string; body?: unknown } = {},
  ): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl('scim');
    const response = await this.fetchApi.fetch(`${baseUrl}${path}`, {
      method: options.method ?? 'GET',
      ...(options.body === undefined
        ? {}
        : {
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify(options.body),
          }),
    });
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return response.status === 204 ? (undefined as T) : response.json();
  }
}
