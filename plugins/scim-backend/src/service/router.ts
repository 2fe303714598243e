import {
  AuthService,
  DiscoveryService,
  HttpAuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { EventsService } from '@backstage/plugin-events-node';
import Router from 'express-promise-router';
import { AccessService } from '@internal/backstage-plugin-scim-common';
import { Knex } from 'knex';
import { createAccessControlService } from '../access/createAccessControlService';
import { ScimConfig } from '../config';
import { createAccessAdminRouter } from './accessAdminRouter';
import { createAccessServiceRouter } from './accessServiceRouter';
import { createAdminRouter } from './adminRouter';
import { ScimFeedStore } from '../database/ScimFeedStore';
import { createAdminServices } from './createAdminServices';
import { DirectoryService } from '../directory/DirectoryService';
import { ScimDirectoryStore } from '../directory/ScimDirectoryStore';
import { createDirectoryAdminRouter } from './directoryAdminRouter';
import { EntraGraphClient } from '../entra/EntraGraphClient';
import { ProvisioningLog } from '../logs/createProvisioningLog';
import { createEntraAdminRouter } from './entraAdminRouter';
import { createLogsAdminRouter } from './logsAdminRouter';
import { createFeedRouter } from './feedRouter';
import { ScimChangeNotifier } from './ScimChangeNotifier';
import { createScimAuthMiddleware } from './scimAuth';
import { createScimRouter } from './scimRouter';

export interface RouterOptions {
  db: Knex;
  /** The change feed, shared with the pruning task. */
  feed: ScimFeedStore;
  config: ScimConfig;
  /** The services and roles of group access (`scim.access.services`). */
  accessServices: AccessService[];
  auth: AuthService;
  catalog: CatalogService;
  discovery: DiscoveryService;
  events: EventsService;
  httpAuth: HttpAuthService;
  logger: LoggerService;
  permissions: PermissionsService;
  /** Records SCIM requests; shared with the retention task and shutdown flush. */
  provisioningLog: ProvisioningLog;
  /** Entra's provisioning logs via Graph; absent when `scim.entra` is not set. */
  entra?: EntraGraphClient;
}

/** The plugin's whole HTTP surface: health, SCIM at /v2, admin at /admin, the catalog feed at /feed. */
export async function createRouter(options: RouterOptions) {
  const { db, config, discovery, events, httpAuth, logger, permissions } =
    options;
  const notifier = new ScimChangeNotifier(events, logger);
  const baseUrl = `${await discovery.getExternalBaseUrl('scim')}/v2`;
  const admin = createAdminServices({ db, config, baseUrl, logger });
  const access = createAccessControlService({
    db,
    services: options.accessServices,
    catalog: options.catalog,
    auth: options.auth,
    audit: admin.audit,
  });

  const router = Router();
  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.use(
    '/v2',
    createScimRouter({
      db,
      config,
      logger,
      authenticate: createScimAuthMiddleware(admin),
      recordLog: options.provisioningLog.middleware,
      baseUrl,
      onWrite: () => {
        notifier.notify();
        // A deactivation or deletion must end the user's access at once.
        access.invalidate();
      },
    }),
  );
  router.use('/feed', createFeedRouter({ feed: options.feed, httpAuth }));
  router.use(
    '/admin/logs',
    createLogsAdminRouter({
      store: options.provisioningLog.store,
      httpAuth,
      permissions,
    }),
  );
  router.use(
    '/admin/entra',
    createEntraAdminRouter({ entra: options.entra, httpAuth, permissions }),
  );
  router.use(
    '/admin/directory',
    createDirectoryAdminRouter({
      directory: new DirectoryService({
        catalog: options.catalog,
        auth: options.auth,
        store: new ScimDirectoryStore(db),
      }),
      httpAuth,
      permissions,
    }),
  );
  router.use('/access', createAccessServiceRouter({ access, httpAuth }));
  router.use(
    '/admin/access',
    createAccessAdminRouter({ access, httpAuth, permissions }),
  );
  router.use('/admin', createAdminRouter({ ...admin, httpAuth, permissions }));
  return router;
}
