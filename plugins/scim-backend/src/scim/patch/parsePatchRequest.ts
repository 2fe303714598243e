import { SCIM_SCHEMAS } from '@internal/backstage-plugin-scim-common';
import { ScimError } from '../ScimError';

/** One PATCH operation with its `op` lower-cased. */
export interface PatchOperation {
  op: 'add' | 'replace' | 'remove';
  path?: string;
  value?: unknown;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const invalidSyntax = (detail: string) =>
  new ScimError(400, detail, 'invalidSyntax');

/** The most operations one PATCH may carry. */
const MAX_OPERATIONS = 1000;

/**
 * Validates an RFC 7644 §3.5.2 PatchOp body. `op` is matched in any letter
 * case because Entra sends `Add`/`Replace`/`Remove` by default.
 */
export function parsePatchRequest(body: unknown): PatchOperation[] {
  if (!isObject(body)) {
    throw invalidSyntax('PATCH body must be a JSON object');
  }
  const schemas = body.schemas;
  if (
    schemas !== undefined &&
    !(Array.isArray(schemas) && schemas.includes(SCIM_SCHEMAS.patchOp))
  ) {
    throw invalidSyntax(`PATCH schemas must contain '${SCIM_SCHEMAS.patchOp}'`);
  }
  const key = Object.keys(body).find(k => k.toLowerCase() === 'operations');
  const operations = key ? body[key] : undefined;
  if (!Array.isArray(operations) || operations.length === 0) {
    throw invalidSyntax('PATCH body must have a non-empty Operations array');
  }
  if (operations.length > MAX_OPERATIONS) {
    throw new ScimError(
      400,
      `A PATCH may carry at most ${MAX_OPERATIONS} operations`,
      'tooMany',
    );
  }
  return operations.map(parseOperation);
}

function parseOperation(operation: unknown, index: number): PatchOperation {
  if (!isObject(operation)) {
    throw invalidSyntax(`Operation ${index} must be a JSON object`);
  }
  const op = typeof operation.op === 'string' ? operation.op.toLowerCase() : '';
  if (op !== 'add' && op !== 'replace' && op !== 'remove') {
    throw invalidSyntax(
      `Operation ${index} has op '${String(
        operation.op,
      )}'; expected add, replace or remove`,
    );
  }
  const { path, value } = operation;
  if (path !== undefined && (typeof path !== 'string' || path.trim() === '')) {
    throw new ScimError(
      400,
      `Operation ${index} has an invalid path`,
      'invalidPath',
    );
  }
  if (path === undefined && op === 'remove') {
    throw new ScimError(
      400,
      `Operation ${index}: remove needs a path`,
      'noTarget',
    );
  }
  if (path === undefined && !isObject(value)) {
    throw invalidSyntax(
      `Operation ${index}: ${op} without a path needs an object value`,
    );
  }
  return { op, path: path?.trim(), value };
}
