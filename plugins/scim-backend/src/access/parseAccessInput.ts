import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  AccessGrant,
  UpdateGroupAccessRequest,
} from '@internal/backstage-plugin-scim-common';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const nonEmptyString = (value: unknown, field: string): string => {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new InputError(`${field} must be a non-empty string`);
  }
  return value.trim();
};

/**
 * An entity ref of the given kind, in the catalog's canonical lower-case
 * form (`group:default/developers`), so every spelling finds the same grants.
 */
export function parseEntityRefOfKind(
  value: unknown,
  kind: 'group' | 'user',
  field: string,
): string {
  const raw = nonEmptyString(value, field);
  let ref;
  try {
    ref = parseEntityRef(raw);
  } catch {
    throw new InputError(
      `${field} must be an entity ref like ${kind}:default/name, got "${raw}"`,
    );
  }
  if (ref.kind.toLocaleLowerCase('en-US') !== kind) {
    throw new InputError(`${field} must be a ${kind} entity ref, got "${raw}"`);
  }
  return stringifyEntityRef(ref);
}

/** A `{ service, role }` object. */
export function parseGrant(value: unknown, field: string): AccessGrant {
  if (!isRecord(value)) {
    throw new InputError(`${field} must be an object with service and role`);
  }
  return {
    service: nonEmptyString(value.service, `${field}.service`),
    role: nonEmptyString(value.role, `${field}.role`),
  };
}

/**
 * The body of "update group access". `services` defaults to the services of
 * `grants`; a grant outside `services` is rejected rather than ignored.
 * Grants keep their order and repeats, so errors can name their index.
 */
export function parseGroupAccessUpdate(
  body: unknown,
): Required<UpdateGroupAccessRequest> {
  if (!isRecord(body) || !Array.isArray(body.grants)) {
    throw new InputError('grants must be an array of { service, role }');
  }
  const grants = body.grants.map((grant, index) =>
    parseGrant(grant, `grants[${index}]`),
  );
  if (body.services !== undefined && !Array.isArray(body.services)) {
    throw new InputError('services must be an array of service ids');
  }
  const services = body.services
    ? [
        ...new Set(
          body.services.map((service, index) =>
            nonEmptyString(service, `services[${index}]`),
          ),
        ),
      ]
    : [...new Set(grants.map(grant => grant.service))];
  grants.forEach((grant, index) => {
    if (!services.includes(grant.service)) {
      throw new InputError(
        `grants[${index}].service "${grant.service}" is not one of services`,
      );
    }
  });
  return { grants, services };
}
