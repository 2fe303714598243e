import { SCIM_SCHEMAS } from '@internal/backstage-plugin-scim-common';
import { attribute, ScimSchemaDefinition } from './ScimAttribute';

/** The core Group schema of RFC 7643 §4.2; members are users only. */
export const groupSchema: ScimSchemaDefinition = {
  id: SCIM_SCHEMAS.group,
  name: 'Group',
  description: 'Group',
  attributes: [
    attribute('displayName', 'string', 'A human-readable name for the Group.', {
      required: true,
      uniqueness: 'server',
    }),
    attribute('members', 'complex', 'A list of members of the Group.', {
      multiValued: true,
      subAttributes: [
        attribute('value', 'string', 'Identifier of the member.', {
          mutability: 'immutable',
        }),
        attribute('$ref', 'reference', 'The URI of the member.', {
          mutability: 'immutable',
          referenceTypes: ['User'],
        }),
        attribute('display', 'string', 'The displayName of the member.', {
          mutability: 'readOnly',
        }),
        attribute('type', 'string', 'The type of the member.', {
          mutability: 'immutable',
          canonicalValues: ['User'],
        }),
      ],
    }),
  ],
};
