import { LoggerService } from '@backstage/backend-plugin-api';
import express, { RequestHandler } from 'express';
import Router from 'express-promise-router';
import { Knex } from 'knex';
import { ScimConfig } from '../config';
import { ScimError } from '../scim/ScimError';
import { scimDiscoveryRoutes } from './scimDiscoveryRoutes';
import { scimErrorHandler } from './scimErrorHandler';
import { scimGroupRoutes } from './scimGroupRoutes';
import { scimUserRoutes } from './scimUserRoutes';

export interface ScimRouterOptions {
  db: Knex;
  config: ScimConfig;
  logger: LoggerService;
  /** Our bearer token check; runs before any body is parsed. */
  authenticate: RequestHandler;
  /** Records each request in the provisioning log; runs first, so rejected requests are logged too. */
  recordLog?: RequestHandler;
  /** External SCIM base URL, for `meta.location` and `$ref`. */
  baseUrl: string;
  /** Called after every successful write (the change feed moved). */
  onWrite?: () => void;
}

/** The SCIM 2.0 API mounted at `/api/scim/v2`. */
export function createScimRouter(options: ScimRouterOptions) {
  const { db, config, logger, authenticate, recordLog, baseUrl, onWrite } =
    options;
  const router = Router();
  if (recordLog) {
    router.use(recordLog);
  }
  router.use(authenticate);
  if (onWrite) {
    router.use((req, res, next) => {
      if (req.method !== 'GET') {
        res.on('finish', () => res.statusCode < 300 && onWrite());
      }
      next();
    });
  }
  const routeOptions = { db, baseUrl, maxResults: config.maxResults };
  // Read-only discovery first: a POST there is a 405 whatever its body.
  router.use(scimDiscoveryRoutes(routeOptions));
  router.use(
    express.json({
      // SCIM bodies are JSON whatever the client labels them: Entra sends
      // application/scim+json, curl application/json, some clients nothing.
      type: () => true,
      limit: config.maxBodySize,
    }),
  );
  router.use('/Users', scimUserRoutes(routeOptions));
  router.use('/Groups', scimGroupRoutes(routeOptions));
  router.use(() => {
    throw new ScimError(404, 'Unknown SCIM endpoint');
  });
  router.use(scimErrorHandler(logger));
  return router;
}
