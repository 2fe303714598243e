import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import {
  EntraJobStatus,
  EntraLogPage,
  EntraNotConfigured,
  ProvisioningLogDetail,
  ProvisioningLogPage,
  ProvisioningLogSummary,
} from '@internal/backstage-plugin-scim-common';
import { ProvisioningLogQuery, ScimLogsApi } from './ScimLogsApi';
import { createScimFetch, ScimFetch } from './scimFetch';

/** {@link ScimLogsApi} over HTTP. */
export class ScimLogsClient implements ScimLogsApi {
  private readonly request: ScimFetch;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.request = createScimFetch(options);
  }

  listLogs(query: ProvisioningLogQuery = {}): Promise<ProvisioningLogPage> {
    return this.request('/admin/logs', {
      query: {
        from: query.from,
        to: query.to,
        operation: query.operation,
        resourceType: query.resourceType,
        status: query.status,
        search: query.search,
        limit: query.limit,
        cursor: query.cursor,
      },
    });
  }

  getLog(id: string): Promise<ProvisioningLogDetail> {
    return this.request(`/admin/logs/${encodeURIComponent(id)}`);
  }

  getSummary(
    options: { hours?: number } = {},
  ): Promise<ProvisioningLogSummary> {
    return this.request('/admin/logs/summary', {
      query: { hours: options.hours },
    });
  }

  listEntraLogs(
    options: { cursor?: string; limit?: number } = {},
  ): Promise<EntraLogPage | EntraNotConfigured> {
    return this.request('/admin/entra/logs', {
      query: { cursor: options.cursor, limit: options.limit },
    });
  }

  getEntraJob(): Promise<EntraJobStatus | EntraNotConfigured> {
    return this.request('/admin/entra/job');
  }
}
