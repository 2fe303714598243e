import { invalidFilter } from './invalidFilter';

/** xsd:dateTime (RFC 7643 §2.3.5), time and zone optional. */
const DATE_TIME =
  /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/i;

/**
 * Normalises a dateTime comparison value to the ISO-8601 UTC form of the
 * `created_at`/`updated_at` columns, so that string order is time order.
 * A time without a zone is taken as UTC, not as the server's local time.
 */
export function parseFilterDateTime(value: string): string {
  const match = DATE_TIME.exec(value);
  const hasTimeWithoutZone = match && value.includes('T') && !match[1];
  const date = new Date(hasTimeWithoutZone ? `${value}Z` : value);
  if (!match || Number.isNaN(date.getTime())) {
    throw invalidFilter(
      `'${value}' is not a dateTime such as 2026-11-28T21:49:09Z`,
    );
  }
  return date.toISOString();
}
