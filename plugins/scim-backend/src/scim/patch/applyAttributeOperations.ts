import { scimPatch, ScimPatchOperation } from 'scim-patch';
import { ScimError, ScimErrorType } from '../ScimError';
import {
  isUnassigned,
  normalizeResource,
  ScimAttributes,
  toBoolean,
} from '../schema/normalizeResource';
import { resolveAttributePath } from '../schema/resolveAttributePath';
import { ScimResourceType } from '../schema/resourceTypes';
import { PatchOperation } from './parsePatchRequest';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** `attr`, `attr.sub`, `attr[filter]` or `attr[filter].sub`, URN-qualified or not. */
const PATH =
  /^(?<attribute>[^[\]]+?)(?:\[(?<filter>[^\]]*)\](?:\.(?<sub>[^.[\]]+))?)?$/;

/**
 * Applies add/replace/remove operations to a resource's attributes with
 * `scim-patch`, after rewriting them into the RFC form it expects: Entra's
 * no-path `replace` with dotted and URN keys becomes one op per key, names
 * become canonical (SCIM names are case-insensitive), `"False"` becomes false,
 * a bare manager id becomes `{ value }`, and `""`/null values become removals.
 * The result is validated like a PUT body, so a PATCH cannot store what a PUT could not.
 */
export function applyAttributeOperations(
  resourceType: ScimResourceType,
  current: ScimAttributes,
  operations: PatchOperation[],
): ScimAttributes {
  const canonical = operations
    .flatMap(op => (op.path ? [op] : expandNoPathOperation(resourceType, op)))
    .flatMap(op => canonicalizeOperation(resourceType, op));
  const schemas = [
    resourceType.core.id,
    ...resourceType.extensions.map(e => e.id),
  ];
  let patched: ScimAttributes;
  try {
    patched = scimPatch({ schemas, ...current } as any, canonical, {
      mutateDocument: false,
      treatMissingAsAdd: true,
    }) as unknown as ScimAttributes;
  } catch (error) {
    throw toScimError(error);
  }
  return normalizeResource(patched, resourceType);
}

/** A no-path add/replace: each key of the value object is a path of its own. */
function expandNoPathOperation(
  resourceType: ScimResourceType,
  operation: PatchOperation,
): PatchOperation[] {
  return Object.entries(operation.value as Record<string, unknown>).flatMap(
    ([key, value]) => {
      const extension = resourceType.extensions.find(
        e => e.id.toLowerCase() === key.toLowerCase(),
      );
      if (extension && isObject(value)) {
        return Object.entries(value).map(([name, subValue]) => ({
          op: operation.op,
          path: `${extension.id}:${name}`,
          value: subValue,
        }));
      }
      // Unknown keys are ignored here as in a POST body; an explicit unknown path is a 400.
      const attribute = PATH.exec(key)?.groups?.attribute;
      return attribute && resolveAttributePath(resourceType, attribute)
        ? [{ op: operation.op, path: key, value }]
        : [];
    },
  );
}

function canonicalizeOperation(
  resourceType: ScimResourceType,
  operation: PatchOperation,
): ScimPatchOperation[] {
  const match = PATH.exec(operation.path!);
  const resolved =
    match && resolveAttributePath(resourceType, match.groups!.attribute);
  if (!match || !resolved) {
    throw new ScimError(
      400,
      `Unknown attribute path '${operation.path}'`,
      'invalidPath',
    );
  }
  const { filter, sub } = match.groups!;
  const { attribute, subAttribute } = resolved;
  if (
    attribute.mutability === 'readOnly' ||
    subAttribute?.mutability === 'readOnly'
  ) {
    throw new ScimError(
      400,
      `Attribute '${operation.path}' is read-only`,
      'mutability',
    );
  }
  const base = resolved.extension
    ? `${resolved.schemaId}:${resolved.path.slice(1).join('.')}`
    : resolved.path.join('.');

  if (filter !== undefined) {
    if (!attribute.multiValued || subAttribute) {
      throw new ScimError(
        400,
        `'${operation.path}' cannot take a filter`,
        'invalidPath',
      );
    }
    const target = sub
      ? attribute.subAttributes?.find(
          a => a.name.toLowerCase() === sub.toLowerCase(),
        )
      : undefined;
    if (sub && !target) {
      throw new ScimError(
        400,
        `Unknown attribute path '${operation.path}'`,
        'invalidPath',
      );
    }
    const path = `${base}[${filter}]${target ? `.${target.name}` : ''}`;
    if (operation.op === 'remove' || isUnassigned(operation.value)) {
      return [{ op: 'remove', path }];
    }
    const value =
      target?.type === 'boolean'
        ? toBoolean(operation.value, path)
        : operation.value;
    return [{ op: operation.op, path, value } as ScimPatchOperation];
  }

  const target = subAttribute ?? attribute;
  if (operation.op === 'remove' || isUnassigned(operation.value)) {
    return [{ op: 'remove', path: base }];
  }
  if (target.type === 'boolean') {
    return [
      { op: operation.op, path: base, value: toBoolean(operation.value, base) },
    ];
  }
  if (target.type === 'complex' && !target.multiValued) {
    // Replacing a complex attribute replaces only the sub-attributes given
    // (RFC 7644 §3.5.2.3). A bare id string or [{ value }] is Entra's manager.
    const object = Array.isArray(operation.value)
      ? operation.value[0]
      : operation.value;
    const fields = typeof object === 'string' ? { value: object } : object;
    if (!isObject(fields)) {
      throw new ScimError(
        400,
        `Attribute '${base}' must be a complex value`,
        'invalidValue',
      );
    }
    // Unknown and read-only sub-attributes are ignored, as in a POST body.
    const writable = (name: string) =>
      target.subAttributes!.some(
        s =>
          s.name.toLowerCase() === name.toLowerCase() &&
          s.mutability !== 'readOnly',
      );
    return Object.entries(fields)
      .filter(([name]) => writable(name))
      .flatMap(([name, value]) =>
        canonicalizeOperation(resourceType, {
          op: operation.op,
          path: `${operation.path}.${name}`,
          value,
        }),
      );
  }
  if (target.multiValued && !Array.isArray(operation.value)) {
    return [{ op: operation.op, path: base, value: [operation.value] }];
  }
  return [
    {
      op: operation.op,
      path: base,
      value: operation.value,
    } as ScimPatchOperation,
  ];
}

function toScimError(error: any): ScimError {
  const scimType = error?.scimCode as ScimErrorType | undefined;
  return new ScimError(
    400,
    String(error?.message ?? 'Invalid PATCH operation'),
    scimType ?? 'invalidValue',
  );
}
