import { createApiRef } from '@backstage/core-plugin-api';
import {
  EntraJobStatus,
  EntraLogPage,
  EntraNotConfigured,
  ProvisioningLogDetail,
  ProvisioningLogPage,
  ProvisioningLogSummary,
  ProvisioningOperation,
  ProvisioningResourceType,
} from '@internal/backstage-plugin-scim-common';

/** The filters and page of `GET /admin/logs`; unset fields are left out of the query. */
export interface ProvisioningLogQuery {
  /** ISO-8601 date-time, inclusive. */
  from?: string;
  /** ISO-8601 date-time, exclusive. */
  to?: string;
  operation?: ProvisioningOperation;
  resourceType?: ProvisioningResourceType;
  status?: 'success' | 'error';
  /** Free text on names and ids. */
  search?: string;
  limit?: number;
  /** The `nextCursor` of the previous page. */
  cursor?: string;
}

/**
 * The provisioning log, as the Provisioning logs tab uses it. Every call
 * needs `scim.settings.read` and rejects with a 403 `ResponseError` without it.
 */
export interface ScimLogsApi {
  /** `GET /admin/logs`: one page of SCIM requests, newest first. */
  listLogs(query?: ProvisioningLogQuery): Promise<ProvisioningLogPage>;
  /** `GET /admin/logs/{id}`: one entry with its redacted bodies. */
  getLog(id: string): Promise<ProvisioningLogDetail>;
  /** `GET /admin/logs/summary`: requests and errors per hour. */
  getSummary(options?: { hours?: number }): Promise<ProvisioningLogSummary>;
  /**
   * `GET /admin/entra/logs`: Entra's own provisioning events from Graph.
   * Rejects with a 502/503 `ResponseError` carrying an `EntraErrorBody` when Graph fails.
   */
  listEntraLogs(options?: {
    cursor?: string;
    limit?: number;
  }): Promise<EntraLogPage | EntraNotConfigured>;
  /** `GET /admin/entra/job`: the SCIM app's synchronization job. */
  getEntraJob(): Promise<EntraJobStatus | EntraNotConfigured>;
}

/** The {@link ScimLogsApi} reference. */
export const scimLogsApiRef = createApiRef<ScimLogsApi>({
  id: 'plugin.scim.logs',
});
