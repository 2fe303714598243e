import { invalidFilter } from './invalidFilter';

/** A comparison value in a masked filter: a string placeholder or a JSON literal. */
const VALUE = String.raw`"\d+"|true|false|null|-?\d+(?:\.\d+)?(?:e[-+]?\d+)?`;
const COMPARISON = String.raw`(?:eq|ne|co|sw|ew|gt|ge|lt|le)\s+(?:${VALUE})|pr`;

/** `attr[inner].sub <op> <value>` (or `.sub pr`), not followed by more of a word. */
const SUB_ATTRIBUTE_AFTER_VALUE_PATH = new RegExp(
  String.raw`([a-z][\w:.\/-]*)\[([^[\]]*)\]\.([a-z]\w*\s+(?:${COMPARISON}))(?![\w.:\/%-])`,
  'gi',
);

/**
 * Entra filters users on `emails[type eq "work"].value eq "x"`, which the
 * RFC 7644 grammar lacks. scim2-parse-filter reads it as
 * `emails[type eq "work"] and emails.value eq "x"`, which two different
 * emails could satisfy. Rewrite it to the RFC form
 * `emails[(type eq "work") and value eq "x"]`, which ties both conditions to
 * one element. Works on text from `maskStringLiterals`, so that no value can
 * contain brackets or quotes.
 */
export function rewriteEntraValuePaths(maskedFilter: string): string {
  const rewritten = maskedFilter.replace(
    SUB_ATTRIBUTE_AFTER_VALUE_PATH,
    (_match, attribute, inner, comparison) =>
      `${attribute}[(${inner}) and ${comparison}]`,
  );
  // Any `].` left would reach the parser's unsound reading.
  if (rewritten.includes('].')) {
    throw invalidFilter(
      'A sub-attribute after a value path must be compared, as in emails[type eq "work"].value eq "x"',
    );
  }
  return rewritten;
}
