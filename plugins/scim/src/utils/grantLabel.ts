import {
  AccessGrant,
  AccessService,
} from '@internal/backstage-plugin-scim-common';

/** "Software Catalog: viewer": titles from the configured services, ids when unknown. */
export function grantLabel(grant: AccessGrant, services: AccessService[]) {
  const service = services.find(s => s.id === grant.service);
  const role = service?.roles.find(r => r.id === grant.role);
  return `${service?.title ?? grant.service}: ${role?.title ?? grant.role}`;
}

/** `group:default/developers` → `developers`; other namespaces stay visible. */
export const shortEntityRef = (entityRef: string) =>
  entityRef.replace(/^[^:]+:default\//, '');
