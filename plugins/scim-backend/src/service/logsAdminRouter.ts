import {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import { scimSettingsReadPermission } from '@internal/backstage-plugin-scim-common';
import Router from 'express-promise-router';
import { parseLogListQuery, parseSummaryHours } from '../logs/parseLogQuery';
import { ProvisioningLogStore } from '../logs/ProvisioningLogStore';
import { createAdminAuthorizer } from './adminAuthorizer';

export interface LogsAdminRouterOptions {
  store: ProvisioningLogStore;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  /** The clock of the summary's hours; tests pass a fake one. */
  now?: () => Date;
}

/** The provisioning log at `/api/scim/admin/logs`; read permission on every route. */
export function createLogsAdminRouter(options: LogsAdminRouterOptions) {
  const { store, httpAuth, permissions, now = () => new Date() } = options;
  const authorize = createAdminAuthorizer({ httpAuth, permissions });
  const router = Router();

  router.get('/', async (req, res) => {
    await authorize(req, scimSettingsReadPermission);
    const { filter, cursor, limit } = parseLogListQuery(req.query);
    res.json(await store.list(filter, { cursor, limit }));
  });

  // Before /:id, which would take "summary" for an id.
  router.get('/summary', async (req, res) => {
    await authorize(req, scimSettingsReadPermission);
    const hours = parseSummaryHours(req.query);
    res.json(await store.summary({ now: now(), hours }));
  });

  router.get('/:id', async (req, res) => {
    await authorize(req, scimSettingsReadPermission);
    const entry = await store.get(req.params.id);
    if (!entry) {
      throw new NotFoundError(
        `Provisioning log entry ${req.params.id} not found`,
      );
    }
    res.json(entry);
  });

  return router;
}
