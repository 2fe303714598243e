import { ScimError } from './ScimError';

/** Paging parameters of RFC 7644 §3.4.2.4, with the filter text. */
export interface ListQuery {
  filter?: string;
  /** 1-based. */
  startIndex: number;
  count: number;
}

function parseInteger(value: unknown, name: string): number | undefined {
  if (value === undefined || value === '') {
    return undefined;
  }
  const number = typeof value === 'string' ? Number(value) : NaN;
  if (!Number.isInteger(number)) {
    throw new ScimError(400, `${name} must be an integer`, 'invalidValue');
  }
  return number;
}

/** startIndex below 1 means 1 and a negative count means 0, as the RFC says; count is capped. */
export function parseListQuery(
  query: Record<string, unknown>,
  maxResults: number,
): ListQuery {
  const filter = query.filter;
  if (filter !== undefined && typeof filter !== 'string') {
    throw new ScimError(400, 'filter must be a single string', 'invalidFilter');
  }
  const startIndex = Math.max(
    1,
    parseInteger(query.startIndex, 'startIndex') ?? 1,
  );
  const count = Math.min(
    maxResults,
    Math.max(0, parseInteger(query.count, 'count') ?? maxResults),
  );
  return { filter: filter?.trim() || undefined, startIndex, count };
}
