import express, {
  ErrorRequestHandler,
  Express,
  RequestHandler,
} from 'express';

/**
 * What `configureRootHttpRouterForScim` uses of the `configure` context of
 * `rootHttpRouterServiceFactory` (`@backstage/backend-defaults/rootHttpRouter`).
 *
 * @public
 */
export interface ScimRootHttpRouterContext {
  app: Express;
  middleware: {
    helmet(): RequestHandler;
    cors(): RequestHandler;
    compression(): RequestHandler;
    rateLimit(): RequestHandler;
    notFound(): RequestHandler;
    error(): ErrorRequestHandler;
  };
  routes: RequestHandler;
  applyDefaults(): void;
}

/** Where the SCIM plugin (plugin id `scim`) serves SCIM 2.0. */
const SCIM_PATH = /^\/api\/scim\/v2(?:\/|$)/i;

/**
 * A `configure` for `rootHttpRouterServiceFactory` that serves SCIM requests
 * through a shorter middleware chain and everything else exactly as
 * Backstage's defaults do. SCIM requests keep helmet, CORS, rate limiting,
 * the plugin's routes and error handling. They skip:
 * - the info-level access log line per request: the provisioning log
 *   records every SCIM request already, and an Entra cycle sends thousands;
 * - compression when the client accepts no encoding, where the middleware
 *   would only add `Vary` after wrapping the response.
 * Together these were most of Backstage's per-request cost in
 * `npm run bench:scim` (docs/performance.md).
 *
 * ```ts
 * backend.add(rootHttpRouterServiceFactory({ configure: configureRootHttpRouterForScim }));
 * ```
 *
 * @public
 */
export function configureRootHttpRouterForScim(
  context: ScimRootHttpRouterContext,
): void {
  const { app, middleware, routes, applyDefaults } = context;
  const compression = middleware.compression();
  const scim = express.Router();
  scim.use(middleware.helmet(), middleware.cors(), (req, res, next) =>
    req.headers['accept-encoding'] ? compression(req, res, next) : next(),
  );
  scim.use(middleware.rateLimit(), routes, middleware.notFound());
  scim.use(middleware.error());
  app.use((req, res, next) =>
    SCIM_PATH.test(req.path) ? scim(req, res, next) : next(),
  );
  applyDefaults();
}
