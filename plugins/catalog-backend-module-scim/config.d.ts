import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  catalog?: {
    providers?: {
      /**
       * Ingestion of the users and groups that an identity provider such as
       * Microsoft Entra ID provisions through the SCIM plugin.
       */
      scim?: {
        /**
         * Namespace of the emitted User and Group entities.
         * @default default
         */
        namespace?: string;
        users?: {
          /**
           * What a User entity's name is derived from: the SCIM `userName`,
           * the email (falls back to `userName`), or the part of the email
           * before the `@` (falls back to the same part of `userName`).
           * The result is sanitised into a valid entity name.
           * @default userName
           */
          nameFrom?: 'userName' | 'email' | 'localPart';
          /**
           * What happens to a deactivated (`active: false`) user: `remove`
           * deletes the entity and drops it from its groups; `keep` leaves the
           * entity with the annotation `scim.backstage.io/active: 'false'`
           * and keeps it in its groups.
           * @default remove
           */
          inactive?: 'remove' | 'keep';
        };
        groups?: {
          /**
           * What a Group entity's name is derived from: the group's display
           * name, or its `externalId` (Entra's object id; falls back to the
           * display name when absent).
           * @default displayName
           */
          nameFrom?: 'displayName' | 'externalId';
          /**
           * `spec.type` of the emitted Group entities.
           * @default team
           */
          type?: string;
        };
        /**
         * Schedule of the periodic full reconcile, which replaces everything
         * the provider emitted with the current state of the SCIM plugin.
         * @default { frequency: { minutes: 30 }, timeout: { minutes: 10 }, initialDelay: { seconds: 5 } }
         */
        schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
        /**
         * How often each backend instance reads the change feed even without
         * a `scim.changed` event, which does not reach other instances.
         * A duration string (`'2s'`, `'PT2S'`) or an object (`{ seconds: 2 }`).
         * @default { seconds: 2 }
         */
        pollInterval?:
          | string
          | {
              milliseconds?: number;
              seconds?: number;
              minutes?: number;
            };
      };
    };
  };
}
