import { ScimAttribute } from './ScimAttribute';
import { commonAttributes, ScimResourceType } from './resourceTypes';

/** Where an attribute path points, with canonical names. */
export interface ResolvedAttribute {
  /** URN of the schema that defines the attribute ('' for common attributes). */
  schemaId: string;
  /** True when the attribute lives under its extension URN key. */
  extension: boolean;
  attribute: ScimAttribute;
  subAttribute?: ScimAttribute;
  /** Canonical keys, from the resource root, e.g. ['name', 'givenName']. */
  path: string[];
}

const findByName = (attributes: ScimAttribute[] | undefined, name: string) =>
  attributes?.find(a => a.name.toLowerCase() === name.toLowerCase());

/**
 * Resolves `name.givenName`, `emails.value`, `id`, `meta.lastModified` or a
 * URN-qualified path (`urn:...:enterprise:2.0:User:manager.value`),
 * case-insensitively as RFC 7643 §2.1 demands. Returns undefined when unknown.
 */
export function resolveAttributePath(
  resourceType: ScimResourceType,
  rawPath: string,
): ResolvedAttribute | undefined {
  let schemaId = resourceType.core.id;
  let path = rawPath;
  const schemas = [resourceType.core, ...resourceType.extensions];
  const qualified = schemas.find(s =>
    rawPath.toLowerCase().startsWith(`${s.id.toLowerCase()}:`),
  );
  if (qualified) {
    schemaId = qualified.id;
    path = rawPath.slice(qualified.id.length + 1);
  } else if (rawPath.toLowerCase().startsWith('urn:')) {
    return undefined;
  }

  const [name, subName, ...rest] = path.split('.');
  if (rest.length > 0 || !name) {
    return undefined;
  }
  const schema = schemas.find(s => s.id === schemaId)!;
  const isCore = schemaId === resourceType.core.id;
  const common =
    isCore && !qualified ? findByName(commonAttributes, name) : undefined;
  const attribute = common ?? findByName(schema.attributes, name);
  if (!attribute) {
    return undefined;
  }
  const extension = !isCore;
  const prefix = extension ? [schemaId] : [];
  if (subName === undefined) {
    return {
      schemaId: common ? '' : schemaId,
      extension,
      attribute,
      path: [...prefix, attribute.name],
    };
  }
  const subAttribute = findByName(attribute.subAttributes, subName);
  if (!subAttribute) {
    return undefined;
  }
  return {
    schemaId: common ? '' : schemaId,
    extension,
    attribute,
    subAttribute,
    path: [...prefix, attribute.name, subAttribute.name],
  };
}
