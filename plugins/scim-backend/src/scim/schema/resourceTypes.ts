import {
  attribute,
  ScimAttribute,
  ScimSchemaDefinition,
} from './ScimAttribute';
import { enterpriseUserSchema } from './enterpriseUserSchema';
import { groupSchema } from './groupSchema';
import { userSchema } from './userSchema';

/** A SCIM resource type: its core schema and the extensions it accepts. */
export interface ScimResourceType {
  name: 'User' | 'Group';
  endpoint: '/Users' | '/Groups';
  description: string;
  core: ScimSchemaDefinition;
  extensions: ScimSchemaDefinition[];
}

export const userResourceType: ScimResourceType = {
  name: 'User',
  endpoint: '/Users',
  description: 'User Account',
  core: userSchema,
  extensions: [enterpriseUserSchema],
};

export const groupResourceType: ScimResourceType = {
  name: 'Group',
  endpoint: '/Groups',
  description: 'Group',
  core: groupSchema,
  extensions: [],
};

/** Attributes every resource has (RFC 7643 §3.1); not part of any schema. */
export const commonAttributes: ScimAttribute[] = [
  attribute(
    'id',
    'string',
    'Unique identifier assigned by the service provider.',
    {
      caseExact: true,
      mutability: 'readOnly',
      returned: 'always',
      uniqueness: 'server',
    },
  ),
  attribute(
    'externalId',
    'string',
    'Identifier assigned by the provisioning client.',
    {
      caseExact: true,
    },
  ),
  attribute('meta', 'complex', 'Resource metadata.', {
    mutability: 'readOnly',
    subAttributes: [
      attribute('resourceType', 'string', 'The resource type.', {
        caseExact: true,
        mutability: 'readOnly',
      }),
      attribute('created', 'dateTime', 'When the resource was added.', {
        mutability: 'readOnly',
      }),
      attribute('lastModified', 'dateTime', 'When the resource last changed.', {
        mutability: 'readOnly',
      }),
      attribute('location', 'reference', 'The URI of the resource.', {
        caseExact: true,
        mutability: 'readOnly',
      }),
      attribute('version', 'string', 'The version of the resource.', {
        caseExact: true,
        mutability: 'readOnly',
      }),
    ],
  }),
];
