import { Config } from '@backstage/config';
import {
  AccessRole,
  AccessService,
  PermissionRule,
} from '@internal/backstage-plugin-scim-common';
import { DEFAULT_ACCESS_SERVICES } from './defaultAccessServices';

const ID_PATTERN = /^[a-z0-9][a-z0-9_.-]{0,63}$/;
const ACTIONS = ['create', 'read', 'update', 'delete'] as const;

/**
 * The services and roles admins can grant: `scim.access.services` when set
 * (it replaces the whole default list), otherwise the defaults.
 */
export function readAccessConfig(config: Config): AccessService[] {
  const services = config.getOptionalConfigArray('scim.access.services');
  if (!services) {
    return DEFAULT_ACCESS_SERVICES;
  }
  return uniqueById(services.map(readService), 'scim.access.services');
}

function readService(service: Config): AccessService {
  return {
    id: readId(service),
    title: service.getString('title'),
    description: service.getOptionalString('description'),
    roles: uniqueById(
      service.getConfigArray('roles').map(readRole),
      `roles of service ${service.getString('id')}`,
    ),
  };
}

function readRole(role: Config): AccessRole {
  return {
    id: readId(role),
    title: role.getString('title'),
    description: role.getOptionalString('description'),
    permissions: role.getConfigArray('permissions').map(readRule),
  };
}

function readRule(rule: Config): PermissionRule {
  const name = rule.getOptionalString('name');
  const resourceType = rule.getOptionalString('resourceType');
  const action = rule.getOptionalString('action');
  if (
    action !== undefined &&
    !(ACTIONS as readonly string[]).includes(action)
  ) {
    throw new Error(
      `scim.access.services: permission action must be one of ${ACTIONS.join(
        ', ',
      )}, got "${action}"`,
    );
  }
  if (
    name === undefined &&
    resourceType === undefined &&
    action === undefined
  ) {
    // An empty rule would match every permission; `name: '*'` says so explicitly.
    throw new Error(
      'scim.access.services: a permission rule needs name, resourceType or action',
    );
  }
  return {
    ...(name !== undefined && { name }),
    ...(resourceType !== undefined && { resourceType }),
    ...(action !== undefined && { action: action as PermissionRule['action'] }),
  };
}

function readId(config: Config): string {
  const id = config.getString('id');
  if (!ID_PATTERN.test(id)) {
    throw new Error(
      `scim.access.services: id "${id}" must be 1-64 lower-case letters, digits, '.', '_' or '-'`,
    );
  }
  return id;
}

function uniqueById<T extends { id: string }>(items: T[], where: string): T[] {
  const seen = new Set<string>();
  for (const item of items) {
    if (seen.has(item.id)) {
      throw new Error(
        `scim.access.services: duplicate id "${item.id}" in ${where}`,
      );
    }
    seen.add(item.id);
  }
  return items;
}
