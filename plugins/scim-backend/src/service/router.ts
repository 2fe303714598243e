import {
  DiscoveryService,
  HttpAuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { EventsService } from '@backstage/plugin-events-node';
import Router from 'express-promise-router';
import { Knex } from 'knex';
import { ScimConfig } from '../config';
import { createAdminRouter } from './adminRouter';
import { ScimFeedStore } from '../database/ScimFeedStore';
import { createAdminServices } from './createAdminServices';
import { createFeedRouter } from './feedRouter';
import { ScimChangeNotifier } from './ScimChangeNotifier';
import { createScimAuthMiddleware } from './scimAuth';
import { createScimRouter } from './scimRouter';

export interface RouterOptions {
  db: Knex;
  /** The change feed, shared with the pruning task. */
  feed: ScimFeedStore;
  config: ScimConfig;
  discovery: DiscoveryService;
  events: EventsService;
  httpAuth: HttpAuthService;
  logger: LoggerService;
  permissions: PermissionsService;
}

/** The plugin's whole HTTP surface: health, SCIM at /v2, admin at /admin, the catalog feed at /feed. */
export async function createRouter(options: RouterOptions) {
  const { db, config, discovery, events, httpAuth, logger, permissions } =
    options;
  const notifier = new ScimChangeNotifier(events, logger);
  const baseUrl = `${await discovery.getExternalBaseUrl('scim')}/v2`;
  const admin = createAdminServices({ db, config, baseUrl, logger });

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
      baseUrl,
      onWrite: () => notifier.notify(),
    }),
  );
  router.use('/feed', createFeedRouter({ feed: options.feed, httpAuth }));
  router.use('/admin', createAdminRouter({ ...admin, httpAuth, permissions }));
  return router;
}
