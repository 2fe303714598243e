import { ScimError } from '../ScimError';

/** The 400 of RFC 7644 §3.4.2.2 for any filter we cannot parse or evaluate. */
export const invalidFilter = (detail: string) =>
  new ScimError(400, detail, 'invalidFilter');
