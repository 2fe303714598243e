export const REDACTED = '[REDACTED]';

/** Keys whose values are secrets whatever they hold. */
const SECRET_KEY =
  /pass(word|wd|phrase)|secret|token|authorization|credential|api[-_]?key|private[-_]?key|cookie/i;

/** Secret-looking text anywhere: bearer credentials, JWTs, our own SCIM tokens. */
const SECRET_TEXT: RegExp[] = [
  /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi,
  /\beyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g,
  /\bbscim_[A-Za-z0-9_-]+/g,
];

/** Replaces secret-looking text: bearer credentials, JWTs, SCIM tokens. */
export function redactText(text: string): string {
  return SECRET_TEXT.reduce(
    (result, pattern) => result.replace(pattern, REDACTED),
    text,
  );
}

function redactValue(value: unknown): unknown {
  if (typeof value === 'string') {
    return redactText(value);
  }
  if (Array.isArray(value)) {
    return value.map(redactValue);
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [
        key,
        SECRET_KEY.test(key) ? REDACTED : redactValue(inner),
      ]),
    );
  }
  return value;
}

/**
 * A SCIM PATCH names its target in `path` and carries it in `value`:
 * `{ op: 'replace', path: 'password', value: '...' }` hides behind a harmless key.
 */
function redactPatchValues(value: unknown): unknown {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    return value;
  }
  const body = value as Record<string, unknown>;
  if (!Array.isArray(body.Operations)) {
    return body;
  }
  return {
    ...body,
    Operations: body.Operations.map(op =>
      op &&
      typeof op === 'object' &&
      typeof op.path === 'string' &&
      SECRET_KEY.test(op.path)
        ? { ...op, value: REDACTED }
        : op,
    ),
  };
}

/** Cuts a string to at most `maxBytes` UTF-8 bytes, saying how much was cut. */
export function truncateUtf8(
  text: string,
  maxBytes: number,
  /** Size of the original when `text` is already a cut of it. */
  totalBytes?: number,
): string {
  // Most bodies fit: count without copying.
  if (Buffer.byteLength(text, 'utf8') <= maxBytes) {
    return text;
  }
  const bytes = Buffer.from(text, 'utf8');
  // Dropping a split multi-byte character leaves a replacement char; strip it.
  const head = bytes
    .subarray(0, maxBytes)
    .toString('utf8')
    .replace(/\uFFFD$/, '');
  const total = totalBytes ?? bytes.length;
  return `${head}…[truncated ${total - Buffer.byteLength(head)} bytes]`;
}

/**
 * A request or response body as the log keeps it: secrets redacted, then
 * cut to `maxBytes`. Takes parsed JSON, JSON text or any other text.
 */
export function redactBody(
  body: unknown,
  maxBytes: number,
): string | undefined {
  if (body === undefined || body === null || body === '') {
    return undefined;
  }
  let parsed = body;
  if (Buffer.isBuffer(body)) {
    parsed = body.toString('utf8');
  }
  if (typeof parsed === 'string' && parsed.length > 4 * maxBytes) {
    // A full group read can be megabytes: parsing and re-serialising it only
    // to keep its first kilobytes would cost more than serving it did.
    return truncateUtf8(
      redactText(parsed.slice(0, 2 * maxBytes)),
      maxBytes,
      Buffer.byteLength(parsed),
    );
  }
  if (typeof parsed === 'string') {
    try {
      parsed = JSON.parse(parsed);
    } catch {
      return truncateUtf8(redactText(parsed as string), maxBytes);
    }
  }
  const redacted = redactValue(redactPatchValues(parsed));
  return truncateUtf8(JSON.stringify(redacted, null, 2), maxBytes);
}
