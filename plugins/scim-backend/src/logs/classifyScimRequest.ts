import {
  ProvisioningOperation,
  ProvisioningResourceType,
} from '@internal/backstage-plugin-scim-common';

/** What a SCIM request was about, as shown in the provisioning log. */
export interface ScimRequestClassification {
  operation: ProvisioningOperation;
  resourceType: ProvisioningResourceType;
  resourceId?: string;
  /** userName of a user or displayName of a group. */
  resourceName?: string;
  externalId?: string;
}

export interface ScimRequestFacts {
  method: string;
  /** Path below the SCIM base, without the query: `/Users/123`. */
  path: string;
  /** The `filter` query parameter, if any. */
  filter?: string;
  /** Parsed request body. */
  requestBody?: unknown;
  /** Parsed response body. */
  responseBody?: unknown;
}

const DISCOVERY = new Set([
  'serviceproviderconfig',
  'schemas',
  'resourcetypes',
]);
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EQ_FILTER =
  /^\s*(userName|displayName|externalId|id)\s+eq\s+"((?:[^"\\]|\\.)*)"\s*$/i;

type Json = Record<string, unknown>;
const asObject = (value: unknown): Json | undefined =>
  value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Json)
    : undefined;
const asString = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;

/** Entra sends `active` as a boolean or as the string "False". */
const isFalse = (value: unknown) =>
  value === false ||
  (typeof value === 'string' && value.toLowerCase() === 'false');

/** A PUT body or PATCH operations that set `active` to false. */
function setsInactive(method: string, body: Json | undefined): boolean {
  if (!body) {
    return false;
  }
  if (method === 'PUT') {
    return isFalse(body.active);
  }
  const operations = Array.isArray(body.Operations) ? body.Operations : [];
  return operations.some(raw => {
    const op = asObject(raw);
    if (!op || String(op.op).toLowerCase() === 'remove') {
      return false;
    }
    if (typeof op.path === 'string') {
      return op.path.toLowerCase() === 'active' && isFalse(op.value);
    }
    return isFalse(asObject(op.value)?.active);
  });
}

function operationOf(
  method: string,
  resourceType: ProvisioningResourceType,
  hasId: boolean,
  filter: string | undefined,
  body: Json | undefined,
): ProvisioningOperation {
  if (resourceType === 'Discovery') {
    return method === 'GET' ? 'discovery' : 'other';
  }
  if (resourceType === 'Other') {
    return 'other';
  }
  switch (method) {
    case 'GET': {
      if (hasId) {
        return 'read';
      }
      // Entra's "Test connection" looks up a random GUID as userName.
      const match = filter?.match(EQ_FILTER);
      const isTest =
        resourceType === 'User' &&
        match?.[1].toLowerCase() === 'username' &&
        GUID.test(match[2]);
      return isTest ? 'test-connection' : 'list';
    }
    case 'POST':
      return hasId ? 'other' : 'create';
    case 'PUT':
    case 'PATCH':
      if (!hasId) {
        return 'other';
      }
      return setsInactive(method, body) ? 'disable' : 'update';
    case 'DELETE':
      return hasId ? 'delete' : 'other';
    default:
      return 'other';
  }
}

/** The name and external id a filter like `userName eq "x"` looks for. */
function namesInFilter(filter: string | undefined) {
  const match = filter?.match(EQ_FILTER);
  if (!match) {
    return {};
  }
  const value = match[2].replace(/\\(.)/g, '$1');
  switch (match[1].toLowerCase()) {
    case 'externalid':
      return { externalId: value };
    case 'id':
      return { resourceId: value };
    default:
      return { resourceName: value };
  }
}

/** Classifies one SCIM request from its method, path and bodies. */
export function classifyScimRequest(
  facts: ScimRequestFacts,
): ScimRequestClassification {
  const method = facts.method.toUpperCase();
  const [collection = '', id, ...rest] = facts.path
    .split('/')
    .filter(Boolean)
    .map(decodeURIComponent);
  const lower = collection.toLowerCase();
  let resourceType: ProvisioningResourceType = 'Other';
  if (lower === 'users' && rest.length === 0) {
    resourceType = 'User';
  } else if (lower === 'groups' && rest.length === 0) {
    resourceType = 'Group';
  } else if (DISCOVERY.has(lower)) {
    resourceType = 'Discovery';
  }

  const requestBody = asObject(facts.requestBody);
  const operation = operationOf(
    method,
    resourceType,
    id !== undefined,
    facts.filter,
    requestBody,
  );
  if (resourceType !== 'User' && resourceType !== 'Group') {
    return { operation, resourceType };
  }

  // A single resource in the answer (create, read, replace) names it best.
  const resource = asObject(facts.responseBody)?.id
    ? asObject(facts.responseBody)
    : undefined;
  const nameKey = resourceType === 'User' ? 'userName' : 'displayName';
  const fromFilter = namesInFilter(facts.filter);
  return {
    operation,
    resourceType,
    resourceId: id ?? asString(resource?.id) ?? fromFilter.resourceId,
    resourceName:
      asString(resource?.[nameKey]) ??
      asString(requestBody?.[nameKey]) ??
      fromFilter.resourceName,
    externalId:
      asString(resource?.externalId) ??
      asString(requestBody?.externalId) ??
      fromFilter.externalId,
  };
}
