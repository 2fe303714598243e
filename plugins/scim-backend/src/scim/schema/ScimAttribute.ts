/** An attribute definition of RFC 7643 §7, as /Schemas publishes it. */
export interface ScimAttribute {
  name: string;
  type:
    | 'string'
    | 'boolean'
    | 'decimal'
    | 'integer'
    | 'dateTime'
    | 'reference'
    | 'complex';
  multiValued: boolean;
  description: string;
  required: boolean;
  caseExact: boolean;
  mutability: 'readOnly' | 'readWrite' | 'immutable' | 'writeOnly';
  returned: 'always' | 'never' | 'default' | 'request';
  uniqueness: 'none' | 'server' | 'global';
  canonicalValues?: string[];
  referenceTypes?: string[];
  subAttributes?: ScimAttribute[];
}

/** A schema: a URN and its attributes. */
export interface ScimSchemaDefinition {
  id: string;
  name: string;
  description: string;
  attributes: ScimAttribute[];
}

type AttributeOptions = Partial<Omit<ScimAttribute, 'name' | 'type'>>;

/** Builds an attribute with the RFC 7643 §2.2 defaults. */
export function attribute(
  name: string,
  type: ScimAttribute['type'],
  description: string,
  options: AttributeOptions = {},
): ScimAttribute {
  return {
    name,
    type,
    multiValued: false,
    description,
    required: false,
    caseExact: false,
    mutability: 'readWrite',
    returned: 'default',
    uniqueness: 'none',
    ...options,
  };
}

/** The usual `value`/`display`/`type`/`primary` shape of multi-valued attributes. */
export function multiValuedComplex(
  name: string,
  description: string,
  types: string[],
  valueType: ScimAttribute['type'] = 'string',
  extra: ScimAttribute[] = [],
): ScimAttribute {
  return attribute(name, 'complex', description, {
    multiValued: true,
    subAttributes: [
      attribute('value', valueType, `The value of the ${name} entry.`),
      attribute('display', 'string', 'A human-readable name.'),
      attribute('type', 'string', 'A label indicating the function.', {
        canonicalValues: types.length ? types : undefined,
      }),
      attribute('primary', 'boolean', 'The primary entry.'),
      ...extra,
    ],
  });
}
