import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { scimPermissions } from '@internal/backstage-plugin-scim-common';
import { readAccessConfig } from './access/readAccessConfig';
import { readScimConfig } from './config';
import { migrateScimDatabase } from './database/migrateScimDatabase';
import { ScimFeedStore } from './database/ScimFeedStore';
import { EntraGraphClient } from './entra/EntraGraphClient';
import { readEntraConfig } from './entra/readEntraConfig';
import { createProvisioningLog } from './logs/createProvisioningLog';
import { readProvisioningLogConfig } from './logs/readProvisioningLogConfig';
import { createRouter } from './service/router';

/**
 * The SCIM plugin: a SCIM 2.0 service provider at `/api/scim/v2` for
 * Microsoft Entra ID, and the admin API at `/api/scim/admin`.
 *
 * @public
 */
export const scimPlugin = createBackendPlugin({
  pluginId: 'scim',
  register(env) {
    env.registerInit({
      deps: {
        auth: coreServices.auth,
        catalog: catalogServiceRef,
        config: coreServices.rootConfig,
        database: coreServices.database,
        discovery: coreServices.discovery,
        events: eventsServiceRef,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        lifecycle: coreServices.lifecycle,
        logger: coreServices.logger,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        scheduler: coreServices.scheduler,
      },
      async init(deps) {
        const scimConfig = readScimConfig(deps.config);
        const db = await migrateScimDatabase(deps.database);
        deps.permissionsRegistry.addPermissions(scimPermissions);
        const feed = new ScimFeedStore(db);
        const provisioningLog = createProvisioningLog({
          db,
          config: readProvisioningLogConfig(deps.config),
          logger: deps.logger,
        });
        // Buffered log entries are written before the database closes.
        deps.lifecycle.addShutdownHook(() => provisioningLog.recorder.flush());
        const entraConfig = readEntraConfig(deps.config);

        deps.httpRouter.use(
          await createRouter({
            db,
            feed,
            config: scimConfig,
            accessServices: readAccessConfig(deps.config),
            auth: deps.auth,
            catalog: deps.catalog,
            discovery: deps.discovery,
            events: deps.events,
            httpAuth: deps.httpAuth,
            logger: deps.logger,
            permissions: deps.permissions,
            provisioningLog,
            entra: entraConfig && EntraGraphClient.fromConfig(entraConfig),
          }),
        );
        await deps.scheduler.scheduleTask({
          id: 'scim-prune-change-feed',
          frequency: { hours: 1 },
          timeout: { minutes: 5 },
          initialDelay: { minutes: 1 },
          fn: async () => {
            await feed.prune();
          },
        });

        await deps.scheduler.scheduleTask({
          id: 'scim-prune-provisioning-log',
          frequency: { hours: 1 },
          timeout: { minutes: 5 },
          initialDelay: { minutes: 2 },
          fn: async () => {
            await provisioningLog.prune();
          },
        });

        deps.httpRouter.addAuthPolicy({
          path: '/health',
          allow: 'unauthenticated',
        });
        // SCIM clients do not hold Backstage credentials: /v2 checks our own bearer tokens.
        deps.httpRouter.addAuthPolicy({
          path: '/v2',
          allow: 'unauthenticated',
        });
      },
    });
  },
});
