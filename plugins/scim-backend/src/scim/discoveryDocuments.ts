import { SCIM_SCHEMAS } from '@internal/backstage-plugin-scim-common';
import { ScimSchemaDefinition } from './schema/ScimAttribute';
import {
  groupResourceType,
  ScimResourceType,
  userResourceType,
} from './schema/resourceTypes';

export const RESOURCE_TYPES = [userResourceType, groupResourceType];

export const SCHEMAS: ScimSchemaDefinition[] = RESOURCE_TYPES.flatMap(t => [
  t.core,
  ...t.extensions,
]);

/** RFC 7644 §5: what this server supports, stated truthfully. */
export function serviceProviderConfig(baseUrl: string, maxResults: number) {
  return {
    schemas: [SCIM_SCHEMAS.serviceProviderConfig],
    patch: { supported: true },
    bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
    filter: { supported: true, maxResults },
    changePassword: { supported: false },
    sort: { supported: false },
    etag: { supported: false },
    authenticationSchemes: [
      {
        type: 'oauthbearertoken',
        name: 'OAuth Bearer Token',
        description:
          'A bearer token generated on the Identity and access page of Backstage',
        primary: true,
      },
    ],
    meta: {
      resourceType: 'ServiceProviderConfig',
      location: `${baseUrl}/ServiceProviderConfig`,
    },
  };
}

export function schemaResource(schema: ScimSchemaDefinition, baseUrl: string) {
  return {
    schemas: [SCIM_SCHEMAS.schema],
    ...schema,
    meta: {
      resourceType: 'Schema',
      location: `${baseUrl}/Schemas/${schema.id}`,
    },
  };
}

export function resourceTypeResource(type: ScimResourceType, baseUrl: string) {
  return {
    schemas: [SCIM_SCHEMAS.resourceType],
    id: type.name,
    name: type.name,
    endpoint: type.endpoint,
    description: type.description,
    schema: type.core.id,
    schemaExtensions: type.extensions.map(e => ({
      schema: e.id,
      required: false,
    })),
    meta: {
      resourceType: 'ResourceType',
      location: `${baseUrl}/ResourceTypes/${type.name}`,
    },
  };
}

/** An RFC 7644 §3.4.2 ListResponse. */
export function listResponse(
  resources: unknown[],
  totalResults: number,
  startIndex: number,
) {
  return {
    schemas: [SCIM_SCHEMAS.listResponse],
    totalResults,
    startIndex,
    itemsPerPage: resources.length,
    Resources: resources,
  };
}
