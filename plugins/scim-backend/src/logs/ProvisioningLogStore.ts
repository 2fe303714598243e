import {
  ProvisioningLogDetail,
  ProvisioningLogEntry,
  ProvisioningLogPage,
  ProvisioningLogSummary,
  ProvisioningOperation,
  ProvisioningResourceType,
} from '@internal/backstage-plugin-scim-common';
import { Knex } from 'knex';
import { chunks, chunkSize } from '../database/dbUtils';

/** A log entry before it has an id. */
export type NewProvisioningLogEntry = Omit<ProvisioningLogDetail, 'id'>;

/** Filters of `GET /admin/logs`; every one optional, all combined with AND. */
export interface ProvisioningLogFilter {
  /** ISO-8601 UTC, inclusive. */
  from?: string;
  /** ISO-8601 UTC, exclusive. */
  to?: string;
  operations?: ProvisioningOperation[];
  resourceTypes?: ProvisioningResourceType[];
  status?: 'success' | 'error';
  /** Free text on names, ids, request id and path; case-insensitive. */
  search?: string;
}

const TABLE = 'scim_provisioning_log';
const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;
const SEARCH_COLUMNS = [
  'resource_name',
  'resource_id',
  'external_id',
  'request_id',
  'path',
];
/** The columns of a listed entry: everything but the bodies. */
const ENTRY_COLUMNS = [
  'seq',
  'time',
  'request_id',
  'method',
  'path',
  'resource_type',
  'operation',
  'resource_id',
  'resource_name',
  'external_id',
  'status',
  'scim_type',
  'detail',
  'duration_ms',
  'token_id',
  'token_prefix',
];

interface LogRow {
  seq: number | string;
  time: string;
  request_id: string;
  method: string;
  path: string;
  resource_type: string;
  operation: string;
  resource_id: string | null;
  resource_name: string | null;
  external_id: string | null;
  status: number;
  scim_type: string | null;
  detail: string | null;
  duration_ms: number;
  token_id: string | null;
  token_prefix: string | null;
  request_body?: string | null;
  response_body?: string | null;
}

const orUndefined = <T>(value: T | null | undefined) => value ?? undefined;

function toEntry(row: LogRow): ProvisioningLogEntry {
  return {
    id: String(row.seq),
    time: row.time,
    requestId: row.request_id,
    method: row.method,
    path: row.path,
    resourceType: row.resource_type as ProvisioningResourceType,
    operation: row.operation as ProvisioningOperation,
    resourceId: orUndefined(row.resource_id),
    resourceName: orUndefined(row.resource_name),
    externalId: orUndefined(row.external_id),
    status: Number(row.status),
    scimType: orUndefined(row.scim_type),
    detail: orUndefined(row.detail),
    durationMs: Number(row.duration_ms),
    tokenId: orUndefined(row.token_id),
    tokenPrefix: orUndefined(row.token_prefix),
  };
}

function toRow(entry: NewProvisioningLogEntry): Omit<LogRow, 'seq'> {
  return {
    time: entry.time,
    request_id: entry.requestId,
    method: entry.method,
    path: entry.path,
    resource_type: entry.resourceType,
    operation: entry.operation,
    resource_id: entry.resourceId ?? null,
    resource_name: entry.resourceName ?? null,
    external_id: entry.externalId ?? null,
    status: entry.status,
    scim_type: entry.scimType ?? null,
    detail: entry.detail ?? null,
    duration_ms: entry.durationMs,
    token_id: entry.tokenId ?? null,
    token_prefix: entry.tokenPrefix ?? null,
    request_body: entry.requestBody ?? null,
    response_body: entry.responseBody ?? null,
  };
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, c => `\\${c}`);

/** The first instant of the hour `time` falls in, as an ISO string. */
const hourOf = (time: number) =>
  new Date(Math.floor(time / HOUR_MS) * HOUR_MS).toISOString();

/**
 * The provisioning log table: batched inserts, newest-first keyset pages,
 * the hourly summary and pruning. Ids are the insert sequence, so "newest"
 * means "recorded last".
 */
export class ProvisioningLogStore {
  constructor(private readonly db: Knex) {}

  async insert(entries: NewProvisioningLogEntry[]): Promise<void> {
    for (const chunk of chunks(entries.map(toRow), chunkSize(this.db))) {
      await this.db(TABLE).insert(chunk);
    }
  }

  async list(
    filter: ProvisioningLogFilter,
    page: { cursor?: string; limit: number },
  ): Promise<ProvisioningLogPage> {
    const query = this.db(TABLE)
      .select(ENTRY_COLUMNS)
      .orderBy('seq', 'desc')
      .limit(page.limit + 1);
    if (page.cursor !== undefined) {
      query.where('seq', '<', Number(page.cursor));
    }
    if (filter.from) {
      query.where('time', '>=', filter.from);
    }
    if (filter.to) {
      query.where('time', '<', filter.to);
    }
    if (filter.operations?.length) {
      query.whereIn('operation', filter.operations);
    }
    if (filter.resourceTypes?.length) {
      query.whereIn('resource_type', filter.resourceTypes);
    }
    if (filter.status) {
      query.where('status', filter.status === 'error' ? '>=' : '<', 400);
    }
    if (filter.search) {
      const pattern = `%${escapeLike(filter.search.toLowerCase())}%`;
      query.where(inner => {
        for (const column of SEARCH_COLUMNS) {
          inner.orWhereRaw(`lower(??) like ? escape '\\'`, [column, pattern]);
        }
      });
    }
    const rows: LogRow[] = await query;
    const items = rows.slice(0, page.limit).map(toEntry);
    return rows.length > page.limit
      ? { items, nextCursor: items[items.length - 1].id }
      : { items };
  }

  async get(id: string): Promise<ProvisioningLogDetail | undefined> {
    const seq = Number(id);
    if (!Number.isSafeInteger(seq)) {
      return undefined;
    }
    const row: LogRow | undefined = await this.db(TABLE)
      .where('seq', seq)
      .first();
    if (!row) {
      return undefined;
    }
    return {
      ...toEntry(row),
      requestBody: orUndefined(row.request_body),
      responseBody: orUndefined(row.response_body),
    };
  }

  /** Requests and errors per hour over the last `hours` (the current one included). */
  async summary(options: {
    now: Date;
    hours: number;
  }): Promise<ProvisioningLogSummary> {
    const currentHour = Date.parse(hourOf(options.now.getTime()));
    const start = currentHour - (options.hours - 1) * HOUR_MS;
    const hour = this.db.raw('substr(time, 1, 13)');
    const counts: Array<{
      hour: string;
      requests: number | string;
      errors: number | string | null;
    }> = await this.db(TABLE)
      .where('time', '>=', new Date(start).toISOString())
      .select(
        this.db.raw('substr(time, 1, 13) as hour'),
        this.db.raw('count(*) as requests'),
        this.db.raw('sum(case when status >= 400 then 1 else 0 end) as errors'),
      )
      .groupBy(hour);
    const byHour = new Map(counts.map(c => [c.hour, c]));
    const buckets = Array.from({ length: options.hours }, (_, i) => {
      const bucketHour = new Date(start + i * HOUR_MS).toISOString();
      const count = byHour.get(bucketHour.slice(0, 13));
      return {
        hour: bucketHour,
        requests: Number(count?.requests ?? 0),
        errors: Number(count?.errors ?? 0),
      };
    });

    const last = (status: 'success' | 'error') =>
      this.db(TABLE)
        .where('status', status === 'error' ? '>=' : '<', 400)
        .orderBy('seq', 'desc')
        .first('seq', 'time') as Promise<
        { seq: number | string; time: string } | undefined
      >;
    const [lastSuccess, lastError] = await Promise.all([
      last('success'),
      last('error'),
    ]);
    const [{ streak }] = await this.db(TABLE)
      .where('status', '>=', 400)
      .where('seq', '>', Number(lastSuccess?.seq ?? 0))
      .count({ streak: '*' });
    return {
      buckets,
      lastSuccessAt: lastSuccess?.time,
      lastErrorAt: lastError?.time,
      errorStreak: Number(streak),
    };
  }

  /** Deletes entries older than `retentionDays` and all but the newest `maxRows`. */
  async prune(options: {
    now: Date;
    retentionDays: number;
    maxRows: number;
  }): Promise<number> {
    const cutoff = new Date(
      options.now.getTime() - options.retentionDays * DAY_MS,
    ).toISOString();
    let deleted = await this.db(TABLE).where('time', '<', cutoff).delete();
    const oldestKept: { seq: number | string } | undefined = await this.db(
      TABLE,
    )
      .orderBy('seq', 'desc')
      .offset(options.maxRows - 1)
      .first('seq');
    if (oldestKept) {
      deleted += await this.db(TABLE)
        .where('seq', '<', Number(oldestKept.seq))
        .delete();
    }
    return deleted;
  }
}
