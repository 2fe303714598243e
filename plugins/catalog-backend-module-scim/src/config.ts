import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { KubernetesValidatorFunctions } from '@backstage/catalog-model';
import { Config, readDurationFromConfig } from '@backstage/config';
import { InputError } from '@backstage/errors';

export type UserNameSource = 'userName' | 'email' | 'localPart';
export type GroupNameSource = 'displayName' | 'externalId';
export type InactiveUserPolicy = 'remove' | 'keep';

/** `catalog.providers.scim` with defaults applied. */
export interface ScimProviderConfig {
  /** Provider id, part of the provider name and of the location key. */
  id: string;
  namespace: string;
  users: { nameFrom: UserNameSource; inactive: InactiveUserPolicy };
  groups: { nameFrom: GroupNameSource; type: string };
  schedule: SchedulerServiceTaskScheduleDefinition;
  pollInterval: SchedulerServiceTaskScheduleDefinition['frequency'];
}

const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 30 },
  timeout: { minutes: 10 },
  initialDelay: { seconds: 5 },
};

function readEnum<T extends string>(
  config: Config | undefined,
  key: string,
  allowed: readonly T[],
  fallback: T,
): T {
  const value = config?.getOptionalString(key) ?? fallback;
  if (!allowed.includes(value as T)) {
    throw new InputError(
      `catalog.providers.scim.${key} must be one of ${allowed.join(
        ', ',
      )}, got '${value}'`,
    );
  }
  return value as T;
}

export function readScimProviderConfig(config: Config): ScimProviderConfig {
  const scim = config.getOptionalConfig('catalog.providers.scim');
  const namespace = scim?.getOptionalString('namespace') ?? 'default';
  if (!KubernetesValidatorFunctions.isValidNamespace(namespace)) {
    throw new InputError(
      `catalog.providers.scim.namespace '${namespace}' is not a valid entity namespace`,
    );
  }
  const groupType = scim?.getOptionalString('groups.type') ?? 'team';
  if (!groupType.trim()) {
    throw new InputError(
      'catalog.providers.scim.groups.type must not be empty',
    );
  }
  return {
    id: 'default',
    namespace,
    users: {
      nameFrom: readEnum(
        scim,
        'users.nameFrom',
        ['userName', 'email', 'localPart'],
        'userName',
      ),
      inactive: readEnum(scim, 'users.inactive', ['remove', 'keep'], 'remove'),
    },
    groups: {
      nameFrom: readEnum(
        scim,
        'groups.nameFrom',
        ['displayName', 'externalId'],
        'displayName',
      ),
      type: groupType,
    },
    schedule: scim?.has('schedule')
      ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
          scim.getConfig('schedule'),
        )
      : DEFAULT_SCHEDULE,
    pollInterval: scim?.has('pollInterval')
      ? readDurationFromConfig(scim, { key: 'pollInterval' })
      : { seconds: 2 },
  };
}
