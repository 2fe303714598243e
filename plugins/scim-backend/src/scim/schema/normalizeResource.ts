import { ScimError } from '../ScimError';
import { ScimAttribute } from './ScimAttribute';
import { commonAttributes, ScimResourceType } from './resourceTypes';

/** A resource body reduced to the attributes we keep, under canonical names. */
export type ScimAttributes = Record<string, unknown>;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const externalIdAttribute = commonAttributes.find(
  a => a.name === 'externalId',
)!;

/** null and `""` mean unassigned (RFC 7643 §2.5); Entra's validator sends both to clear. */
export const isUnassigned = (value: unknown) =>
  value === null || value === undefined || value === '';

const invalid = (detail: string) => new ScimError(400, detail, 'invalidValue');

/**
 * Validates a User or Group body and returns its writable attributes with
 * canonical names and types. Unknown attributes and schema URNs are dropped
 * (Entra sends e.g. Microsoft's ADSCIM Group schema), read-only ones are
 * ignored, `"True"`/`"False"` strings become booleans, and null, `""` and `[]`
 * mean unassigned (RFC 7643 §2.5).
 */
export function normalizeResource(
  body: unknown,
  resourceType: ScimResourceType,
): ScimAttributes {
  if (!isObject(body)) {
    throw new ScimError(
      400,
      'Request body must be a JSON object',
      'invalidSyntax',
    );
  }
  const result: ScimAttributes = {};
  for (const [key, value] of Object.entries(body)) {
    const lower = key.toLowerCase();
    if (lower === 'externalid') {
      const externalId = normalizeValue(
        externalIdAttribute,
        value,
        'externalId',
      );
      if (externalId !== undefined) {
        result.externalId = externalId;
      }
      continue;
    }
    const extension = resourceType.extensions.find(
      e => e.id.toLowerCase() === lower,
    );
    if (extension) {
      if (value === null) {
        continue;
      }
      if (!isObject(value)) {
        throw invalid(`Extension '${extension.id}' must be a JSON object`);
      }
      const attributes = normalizeComplex(
        extension.attributes,
        value,
        extension.id,
      );
      if (Object.keys(attributes).length > 0) {
        result[extension.id] = attributes;
      }
      continue;
    }
    const attribute = findAttribute(resourceType.core.attributes, key);
    if (!attribute || attribute.mutability === 'readOnly') {
      continue;
    }
    const normalized = normalizeValue(attribute, value, attribute.name);
    if (normalized !== undefined) {
      result[attribute.name] = normalized;
    }
  }
  for (const attribute of resourceType.core.attributes) {
    if (attribute.required && result[attribute.name] === undefined) {
      throw invalid(`Attribute '${attribute.name}' is required`);
    }
  }
  return result;
}

function findAttribute(attributes: ScimAttribute[], name: string) {
  const lower = name.toLowerCase();
  return attributes.find(a => a.name.toLowerCase() === lower);
}

function normalizeComplex(
  attributes: ScimAttribute[],
  value: Record<string, unknown>,
  path: string,
): ScimAttributes {
  const result: ScimAttributes = {};
  for (const [key, subValue] of Object.entries(value)) {
    const attribute = findAttribute(attributes, key);
    if (!attribute || attribute.mutability === 'readOnly') {
      continue;
    }
    const normalized = normalizeValue(
      attribute,
      subValue,
      `${path}.${attribute.name}`,
    );
    if (normalized !== undefined) {
      result[attribute.name] = normalized;
    }
  }
  return result;
}

function normalizeValue(
  attribute: ScimAttribute,
  value: unknown,
  path: string,
): unknown {
  if (isUnassigned(value)) {
    return undefined;
  }
  if (attribute.multiValued) {
    const items = Array.isArray(value) ? value : [value];
    const normalized = items
      .map(item => normalizeSingle(attribute, item, path))
      .filter(item => item !== undefined);
    return normalized.length > 0 ? normalized : undefined;
  }
  if (Array.isArray(value)) {
    // Entra sends the manager as [{ value, $ref }]; a single-valued attribute takes the first.
    return value.length > 0
      ? normalizeSingle(attribute, value[0], path)
      : undefined;
  }
  return normalizeSingle(attribute, value, path);
}

function normalizeSingle(
  attribute: ScimAttribute,
  value: unknown,
  path: string,
): unknown {
  if (isUnassigned(value)) {
    return undefined;
  }
  switch (attribute.type) {
    case 'complex': {
      // A bare id string for a complex attribute (Entra's manager) means its value.
      const object = typeof value === 'string' ? { value } : value;
      if (!isObject(object)) {
        throw invalid(`Attribute '${path}' must be a complex value`);
      }
      const result = normalizeComplex(
        attribute.subAttributes ?? [],
        object,
        path,
      );
      return Object.keys(result).length > 0 ? result : undefined;
    }
    case 'boolean':
      return toBoolean(value, path);
    case 'integer':
    case 'decimal': {
      const number = typeof value === 'string' ? Number(value) : value;
      if (typeof number !== 'number' || !Number.isFinite(number)) {
        throw invalid(`Attribute '${path}' must be a number`);
      }
      if (attribute.type === 'integer' && !Number.isInteger(number)) {
        throw invalid(`Attribute '${path}' must be an integer`);
      }
      return number;
    }
    default:
      if (typeof value === 'number') {
        return String(value);
      }
      if (typeof value !== 'string') {
        throw invalid(`Attribute '${path}' must be a string`);
      }
      return value;
  }
}

/** Accepts real booleans and Entra's default "True"/"False" strings. */
export function toBoolean(value: unknown, path: string): boolean {
  if (typeof value === 'boolean') {
    return value;
  }
  if (typeof value === 'string') {
    const lower = value.toLowerCase();
    if (lower === 'true' || lower === 'false') {
      return lower === 'true';
    }
  }
  throw invalid(`Attribute '${path}' must be a boolean`);
}
