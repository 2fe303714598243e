import { Filter, parse } from 'scim2-parse-filter';
import { invalidFilter } from './invalidFilter';
import { maskStringLiterals, unmaskStringLiterals } from './maskStringLiterals';
import { rewriteEntraValuePaths } from './rewriteEntraValuePaths';

/** Longest filter we parse; Entra's are far shorter. */
const MAX_FILTER_LENGTH = 4096;
/** Deepest nesting of and/or/not/[] we accept; bounds the SQL we generate. */
const MAX_DEPTH = 32;

/**
 * `true`, `false` and `null` are ABNF literals, so case-insensitive
 * (RFC 5234 §2.3); the parser only knows the lower-case JSON ones. Words that
 * merely contain them are left alone.
 */
const lowerCaseLiterals = (maskedFilter: string) =>
  maskedFilter.replace(
    /(?<![\w.:/%-])(?:true|false|null)(?![\w.:/%-])/gi,
    literal => literal.toLowerCase(),
  );

/** Puts the decoded strings back and enforces the depth limit. */
function restoreStrings(filter: Filter, strings: string[], depth = 1): Filter {
  if (depth > MAX_DEPTH) {
    throw invalidFilter(`Filter is nested deeper than ${MAX_DEPTH} levels`);
  }
  switch (filter.op) {
    case 'and':
    case 'or':
      return {
        ...filter,
        filters: filter.filters.map(f => restoreStrings(f, strings, depth + 1)),
      };
    case 'not':
      return {
        ...filter,
        filter: restoreStrings(filter.filter, strings, depth + 1),
      };
    case '[]':
      return {
        ...filter,
        valFilter: restoreStrings(filter.valFilter, strings, depth + 1),
      };
    case 'pr':
      return filter;
    default:
      return typeof filter.compValue === 'string'
        ? { ...filter, compValue: strings[Number(filter.compValue)] }
        : filter;
  }
}

/**
 * Parses an RFC 7644 §3.4.2.2 filter, plus Entra's
 * `emails[type eq "work"].value eq "x"` form. Operators, `and`/`or`/`not` and
 * literals are case-insensitive; attribute names are checked later, against
 * a resource type, by `filterToSql`. Any problem is a 400 `invalidFilter`.
 */
export function parseScimFilter(text: string): Filter {
  if (text.length > MAX_FILTER_LENGTH) {
    throw invalidFilter(
      `Filter is longer than ${MAX_FILTER_LENGTH} characters`,
    );
  }
  const masked = maskStringLiterals(text);
  const rfcFilter = rewriteEntraValuePaths(lowerCaseLiterals(masked.text));
  let filter: Filter;
  try {
    filter = parse(rfcFilter);
  } catch (error) {
    throw invalidFilter(
      `Invalid filter: ${unmaskStringLiterals(
        (error as Error).message,
        masked.strings,
      )}`,
    );
  }
  return restoreStrings(filter, masked.strings);
}
