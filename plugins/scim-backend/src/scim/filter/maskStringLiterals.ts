import { invalidFilter } from './invalidFilter';

/** A filter whose string literals are replaced by numbered placeholders. */
export interface MaskedFilter {
  /** The filter with the i-th string literal replaced by `"i"`. */
  text: string;
  /** The decoded string literals, by placeholder number. */
  strings: string[];
}

/** A JSON string: alternatives are disjoint, so matching stays linear. */
const STRING_LITERAL = /"(?:[^"\\]|\\[\s\S])*"/g;

/**
 * Takes the string literals out of a filter, so that rewrites of the rest
 * cannot be fooled by brackets, quotes or keywords inside values, and decodes
 * them as the JSON strings RFC 7644 says they are. (scim2-parse-filter keeps
 * every escape but `\"` verbatim, so `"a\\b"` would become `a\\b`, not `a\b`.)
 */
export function maskStringLiterals(filter: string): MaskedFilter {
  if (filter.replace(STRING_LITERAL, '').includes('"')) {
    throw invalidFilter('Unterminated string in filter');
  }
  const strings: string[] = [];
  const text = filter.replace(STRING_LITERAL, literal => {
    try {
      strings.push(JSON.parse(literal));
    } catch {
      throw invalidFilter(
        `Invalid string ${literal} in filter: strings are JSON strings`,
      );
    }
    return `"${strings.length - 1}"`;
  });
  return { text, strings };
}

/** Puts the original literals back into a message about the masked text. */
export function unmaskStringLiterals(message: string, strings: string[]) {
  return message.replace(/"(\d+)"/g, (placeholder, index) =>
    Number(index) < strings.length
      ? JSON.stringify(strings[Number(index)])
      : placeholder,
  );
}
