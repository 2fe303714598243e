import { SCIM_SCHEMAS } from '@internal/backstage-plugin-scim-common';
import { attribute, ScimSchemaDefinition } from './ScimAttribute';

/** The Enterprise User extension of RFC 7643 §4.3. */
export const enterpriseUserSchema: ScimSchemaDefinition = {
  id: SCIM_SCHEMAS.enterpriseUser,
  name: 'EnterpriseUser',
  description: 'Enterprise User',
  attributes: [
    attribute(
      'employeeNumber',
      'string',
      'Identifier assigned by the organization.',
    ),
    attribute('costCenter', 'string', 'Name of a cost center.'),
    attribute('organization', 'string', 'Name of an organization.'),
    attribute('division', 'string', 'Name of a division.'),
    attribute('department', 'string', 'Name of a department.'),
    attribute('manager', 'complex', "The user's manager.", {
      subAttributes: [
        attribute('value', 'string', 'The id of the manager.'),
        attribute('$ref', 'reference', 'The URI of the manager.', {
          referenceTypes: ['User'],
        }),
        attribute('displayName', 'string', 'The displayName of the manager.', {
          mutability: 'readOnly',
        }),
      ],
    }),
  ],
};
