import { ScimError } from './ScimError';
import { resolveAttributePath } from './schema/resolveAttributePath';
import { ScimResourceType } from './schema/resourceTypes';

/** The `attributes` / `excludedAttributes` parameters of RFC 7644 §3.4.2.5. */
export interface AttributeSelection {
  attributes?: string[][];
  excludedAttributes?: string[][];
}

/** Parses the comma-separated query parameters into canonical key paths; unknown names are ignored. */
export function parseAttributeSelection(
  resourceType: ScimResourceType,
  query: { attributes?: unknown; excludedAttributes?: unknown },
): AttributeSelection {
  const parse = (value: unknown) => {
    if (value === undefined) {
      return undefined;
    }
    if (typeof value !== 'string') {
      throw new ScimError(
        400,
        'attributes must be a comma-separated string',
        'invalidValue',
      );
    }
    // A value filter (`emails[type eq "work"]`) selects the whole attribute.
    return value
      .split(',')
      .map(
        name =>
          resolveAttributePath(resourceType, name.replace(/\[.*\]/, '').trim())
            ?.path,
      )
      .filter((path): path is string[] => path !== undefined);
  };
  return {
    attributes: parse(query.attributes),
    excludedAttributes: parse(query.excludedAttributes),
  };
}

/** Whether a top-level attribute (e.g. `members`, `groups`) will be returned, so it is only loaded when needed. */
export function isAttributeReturned(
  selection: AttributeSelection,
  name: string,
) {
  if (selection.attributes) {
    return selection.attributes.some(path => path[0] === name);
  }
  return !selection.excludedAttributes?.some(
    path => path.length === 1 && path[0] === name,
  );
}

const ALWAYS_RETURNED = new Set(['schemas', 'id']);

/** Applies the selection to a rendered resource; `schemas` and `id` are always kept. */
export function projectAttributes(
  resource: Record<string, unknown>,
  selection: AttributeSelection,
): Record<string, unknown> {
  let result = resource;
  if (selection.attributes) {
    result = Object.fromEntries(
      Object.entries(resource).filter(([key]) => ALWAYS_RETURNED.has(key)),
    );
    for (const path of selection.attributes) {
      copyPath(resource, result, path);
    }
  }
  for (const path of selection.excludedAttributes ?? []) {
    if (!ALWAYS_RETURNED.has(path[0])) {
      result = removePath(result, path);
    }
  }
  return result;
}

function copyPath(
  source: Record<string, unknown>,
  target: Record<string, unknown>,
  [key, ...rest]: string[],
) {
  const value = source[key];
  if (value === undefined) {
    return;
  }
  if (rest.length === 0) {
    target[key] = value;
    return;
  }
  if (Array.isArray(value)) {
    const existing =
      (target[key] as Record<string, unknown>[] | undefined) ??
      value.map(() => ({}));
    value.forEach((item, i) => copyPath(item, existing[i], rest));
    target[key] = existing;
  } else if (typeof value === 'object' && value !== null) {
    const existing = (target[key] as Record<string, unknown> | undefined) ?? {};
    copyPath(value as Record<string, unknown>, existing, rest);
    target[key] = existing;
  }
}

function removePath(
  source: Record<string, unknown>,
  [key, ...rest]: string[],
): Record<string, unknown> {
  if (!(key in source)) {
    return source;
  }
  const { [key]: value, ...others } = source;
  if (rest.length === 0) {
    return others;
  }
  if (Array.isArray(value)) {
    return { ...others, [key]: value.map(item => removePath(item, rest)) };
  }
  if (typeof value === 'object' && value !== null) {
    return {
      ...others,
      [key]: removePath(value as Record<string, unknown>, rest),
    };
  }
  return source;
}
