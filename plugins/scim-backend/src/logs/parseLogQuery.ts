import { InputError } from '@backstage/errors';
import {
  PROVISIONING_OPERATIONS,
  PROVISIONING_RESOURCE_TYPES,
  ProvisioningOperation,
  ProvisioningResourceType,
} from '@internal/backstage-plugin-scim-common';
import { Request } from 'express';
import { ProvisioningLogFilter } from './ProvisioningLogStore';

const OPERATIONS: readonly ProvisioningOperation[] = PROVISIONING_OPERATIONS;
const RESOURCE_TYPES: readonly ProvisioningResourceType[] =
  PROVISIONING_RESOURCE_TYPES;
export const MAX_SUMMARY_HOURS = 24 * 31;

type Query = Request['query'];

/** One text parameter; repeated parameters are a 400 unless `list` joins them. */
function text(query: Query, name: string, list = false): string | undefined {
  const value = query[name];
  if (value === undefined) {
    return undefined;
  }
  if (typeof value === 'string') {
    return value;
  }
  if (list && Array.isArray(value) && value.every(v => typeof v === 'string')) {
    return value.join(',');
  }
  throw new InputError(`${name} must be given once, as text`);
}

function dateTime(query: Query, name: string): string | undefined {
  const value = text(query, name);
  if (value === undefined) {
    return undefined;
  }
  const time = Date.parse(value);
  if (Number.isNaN(time)) {
    throw new InputError(`${name} must be an ISO-8601 date-time`);
  }
  return new Date(time).toISOString();
}

/** A comma-separated subset of `allowed`. */
function oneOf<T extends string>(
  query: Query,
  name: string,
  allowed: readonly T[],
): T[] | undefined {
  const value = text(query, name, true);
  if (value === undefined) {
    return undefined;
  }
  const values = value.split(',').map(v => v.trim());
  const bad = values.find(v => !allowed.includes(v as T));
  if (bad !== undefined) {
    throw new InputError(
      `${name} must be one or more of ${allowed.join(', ')}; got '${bad}'`,
    );
  }
  return values as T[];
}

function integer(
  query: Query,
  name: string,
  range: { min: number; max: number; default: number },
): number {
  const value = text(query, name);
  if (value === undefined) {
    return range.default;
  }
  const number = Number(value);
  if (!/^\d+$/.test(value) || number < range.min || number > range.max) {
    throw new InputError(
      `${name} must be an integer from ${range.min} to ${range.max}`,
    );
  }
  return number;
}

/** `GET /admin/logs` query: the filter and the page. */
export function parseLogListQuery(query: Query): {
  filter: ProvisioningLogFilter;
  cursor?: string;
  limit: number;
} {
  const status = text(query, 'status');
  if (status !== undefined && status !== 'success' && status !== 'error') {
    throw new InputError("status must be 'success' or 'error'");
  }
  const search = text(query, 'search')?.trim();
  if (search !== undefined && search.length > 200) {
    throw new InputError('search must be at most 200 characters');
  }
  const cursor = text(query, 'cursor');
  if (cursor !== undefined && !/^\d{1,15}$/.test(cursor)) {
    throw new InputError('cursor must be a nextCursor from a previous page');
  }
  return {
    filter: {
      from: dateTime(query, 'from'),
      to: dateTime(query, 'to'),
      operations: oneOf(query, 'operation', OPERATIONS),
      resourceTypes: oneOf(query, 'resourceType', RESOURCE_TYPES),
      status,
      search: search || undefined,
    },
    cursor,
    limit: integer(query, 'limit', { min: 1, max: 200, default: 50 }),
  };
}

/** `GET /admin/logs/summary?hours=`. */
export function parseSummaryHours(query: Query): number {
  return integer(query, 'hours', {
    min: 1,
    max: MAX_SUMMARY_HOURS,
    default: 72,
  });
}
