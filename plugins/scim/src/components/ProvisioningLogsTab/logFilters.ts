import {
  PROVISIONING_OPERATIONS,
  PROVISIONING_RESOURCE_TYPES,
  ProvisioningOperation,
  ProvisioningResourceType,
} from '@internal/backstage-plugin-scim-common';
import { ProvisioningLogQuery } from '../../api/ScimLogsApi';

const HOUR_MS = 3_600_000;

/** The time range choices, newest window first; `all` sends no `from`. */
export const TIME_RANGES = [
  { value: 'all', label: 'Any time', ms: undefined },
  { value: '1h', label: 'Last hour', ms: HOUR_MS },
  { value: '24h', label: 'Last 24 hours', ms: 24 * HOUR_MS },
  { value: '7d', label: 'Last 7 days', ms: 7 * 24 * HOUR_MS },
  { value: '30d', label: 'Last 30 days', ms: 30 * 24 * HOUR_MS },
] as const;

export type TimeRange = (typeof TIME_RANGES)[number]['value'];

export const OPERATIONS: readonly ProvisioningOperation[] =
  PROVISIONING_OPERATIONS;
export const RESOURCE_TYPES: readonly ProvisioningResourceType[] =
  PROVISIONING_RESOURCE_TYPES;

/** What the filter bar shows; empty strings mean "any". */
export interface LogFilterValues {
  range: TimeRange;
  operation: ProvisioningOperation | '';
  resourceType: ProvisioningResourceType | '';
  status: 'success' | 'error' | '';
  search: string;
}

export const DEFAULT_FILTERS: LogFilterValues = {
  range: 'all',
  operation: '',
  resourceType: '',
  status: '',
  search: '',
};

/** The `GET /admin/logs` query for the filters, the range counted back from `now`. */
export function toLogQuery(
  filters: LogFilterValues,
  now: Date,
): ProvisioningLogQuery {
  const rangeMs = TIME_RANGES.find(r => r.value === filters.range)?.ms;
  return {
    from:
      rangeMs === undefined
        ? undefined
        : new Date(now.getTime() - rangeMs).toISOString(),
    operation: filters.operation || undefined,
    resourceType: filters.resourceType || undefined,
    status: filters.status || undefined,
    search: filters.search.trim() || undefined,
  };
}
