import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  CreatedScimToken,
  ScimSettings,
  ScimTokenInfo,
} from '@internal/backstage-plugin-scim-common';
import { ScimAdminApi } from './ScimAdminApi';

/** The only place that knows the admin API's URLs. */
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
    return this.request('/admin/settings', { method: 'PUT', body: settings });
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
    return this.request('/admin/tokens', { method: 'POST', body: request });
  }

  async revokeToken(id: string): Promise<void> {
    await this.request(`/admin/tokens/${encodeURIComponent(id)}`, {
      method: 'DELETE',
    });
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
