import { Filter, parse } from 'scim2-parse-filter';
import { ScimError } from '../ScimError';

/** Longest filter we parse; Entra's are far shorter. */
const MAX_FILTER_LENGTH = 4096;
/** Deepest nesting of and/or/not/[] we translate. */
const MAX_DEPTH = 32;

const COMPARISON = String.raw`(eq|ne|co|sw|ew|gt|ge|lt|le)\s+("(?:[^"\\]|\\.)*"|true|false|null|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)`;
/** `emails[type eq "work"].value eq "x"`: a value path followed by a sub-attribute. */
const SUB_ATTRIBUTE_AFTER_VALUE_PATH = new RegExp(
  String.raw`([A-Za-z][\w:.$-]*)\[([^\]]*)\]\.([A-Za-z$][\w$]*)\s+(?:${COMPARISON}|(pr)\b)`,
  'gi',
);

/** True when `index` is outside every double-quoted string of `text`. */
function outsideStrings(text: string, index: number) {
  let quoted = false;
  for (let i = 0; i < index; i++) {
    if (text[i] === '\\' && quoted) {
      i++;
    } else if (text[i] === '"') {
      quoted = !quoted;
    }
  }
  return !quoted;
}

/**
 * Entra filters users on `emails[type eq "work"].value eq "x"`, which is not
 * in the RFC 7644 grammar; scim2-parse-filter reads it as two unrelated
 * conditions. Rewrite it to the RFC form `emails[type eq "work" and value eq "x"]`
 * so both conditions apply to the same element.
 */
function rewriteEntraValuePaths(text: string) {
  return text.replace(
    SUB_ATTRIBUTE_AFTER_VALUE_PATH,
    (match, attribute, inner, sub, op, value, pr, offset) =>
      outsideStrings(text, offset)
        ? `${attribute}[(${inner}) and ${sub} ${pr ? 'pr' : `${op} ${value}`}]`
        : match,
  );
}

function depth(filter: Filter): number {
  switch (filter.op) {
    case 'and':
    case 'or':
      return 1 + Math.max(...(filter as any).filters.map(depth));
    case 'not':
      return 1 + depth((filter as any).filter);
    case '[]':
      return 1 + depth((filter as any).valFilter);
    default:
      return 1;
  }
}

/** Parses an RFC 7644 §3.4.2.2 filter; any problem is a 400 `invalidFilter`. */
export function parseScimFilter(text: string): Filter {
  if (text.length > MAX_FILTER_LENGTH) {
    throw new ScimError(
      400,
      `Filter is longer than ${MAX_FILTER_LENGTH} characters`,
      'invalidFilter',
    );
  }
  let filter: Filter;
  try {
    filter = parse(rewriteEntraValuePaths(text));
  } catch (error) {
    throw new ScimError(
      400,
      `Invalid filter: ${(error as Error).message}`,
      'invalidFilter',
    );
  }
  if (depth(filter) > MAX_DEPTH) {
    throw new ScimError(
      400,
      `Filter is nested deeper than ${MAX_DEPTH}`,
      'invalidFilter',
    );
  }
  return filter;
}
