import Router from 'express-promise-router';
import {
  listResponse,
  RESOURCE_TYPES,
  resourceTypeResource,
  schemaResource,
  SCHEMAS,
  serviceProviderConfig,
} from '../scim/discoveryDocuments';
import { ScimError } from '../scim/ScimError';
import { methodNotAllowed, sendScim } from './scimResponse';

/** `/ServiceProviderConfig`, `/Schemas` and `/ResourceTypes` of RFC 7644 §4: read-only. */
export function scimDiscoveryRoutes(options: {
  baseUrl: string;
  maxResults: number;
}) {
  const { baseUrl, maxResults } = options;
  const router = Router();
  const schemas = SCHEMAS.map(s => schemaResource(s, baseUrl));
  const resourceTypes = RESOURCE_TYPES.map(t =>
    resourceTypeResource(t, baseUrl),
  );

  router
    .route('/ServiceProviderConfig')
    .get((_req, res) =>
      sendScim(res, 200, serviceProviderConfig(baseUrl, maxResults)),
    )
    .all(methodNotAllowed);
  router
    .route('/Schemas')
    .get((_req, res) =>
      sendScim(res, 200, listResponse(schemas, schemas.length, 1)),
    )
    .all(methodNotAllowed);
  router
    .route('/Schemas/:id')
    .get((req, res) =>
      sendScim(res, 200, findOr404(schemas, req.params.id, 'Schema')),
    )
    .all(methodNotAllowed);
  router
    .route('/ResourceTypes')
    .get((_req, res) =>
      sendScim(res, 200, listResponse(resourceTypes, resourceTypes.length, 1)),
    )
    .all(methodNotAllowed);
  router
    .route('/ResourceTypes/:id')
    .get((req, res) =>
      sendScim(
        res,
        200,
        findOr404(resourceTypes, req.params.id, 'ResourceType'),
      ),
    )
    .all(methodNotAllowed);
  return router;
}

function findOr404<T extends { id: string }>(
  items: T[],
  id: string,
  kind: string,
): T {
  const item = items.find(i => i.id.toLowerCase() === id.toLowerCase());
  if (!item) {
    throw new ScimError(404, `${kind} ${id} not found`);
  }
  return item;
}
