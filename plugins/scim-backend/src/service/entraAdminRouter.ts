import {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import {
  EntraErrorBody,
  EntraNotConfigured,
  scimSettingsReadPermission,
} from '@internal/backstage-plugin-scim-common';
import { ErrorRequestHandler, Request } from 'express';
import Router from 'express-promise-router';
import { EntraGraphClient } from '../entra/EntraGraphClient';
import { EntraGraphError } from '../entra/EntraGraphError';
import { createAdminAuthorizer } from './adminAuthorizer';

export interface EntraAdminRouterOptions {
  /** Absent when `scim.entra` is not configured. */
  entra?: Pick<EntraGraphClient, 'listLogs' | 'getJob'>;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
}

const NOT_CONFIGURED: EntraNotConfigured = { configured: false };

function parseEntraLogQuery(query: Request['query']) {
  const { cursor, limit = '50' } = query;
  if (cursor !== undefined && (typeof cursor !== 'string' || !cursor)) {
    throw new InputError('cursor must be a nextCursor from a previous page');
  }
  const number = Number(limit);
  if (
    typeof limit !== 'string' ||
    !/^\d+$/.test(limit) ||
    number < 1 ||
    number > 500
  ) {
    throw new InputError('limit must be an integer from 1 to 500');
  }
  return { cursor, limit: number };
}

/** Graph failures answer with what to fix, never as a 500. */
const entraErrorHandler: ErrorRequestHandler = (error, _req, res, next) => {
  if (!(error instanceof EntraGraphError)) {
    next(error);
    return;
  }
  const body: EntraErrorBody = {
    error: {
      name: error.name,
      message: error.message,
      ...(error.retryAfterSeconds !== undefined
        ? { retryAfterSeconds: error.retryAfterSeconds }
        : {}),
    },
    response: { statusCode: error.status },
  };
  if (error.retryAfterSeconds !== undefined) {
    res.set('Retry-After', String(error.retryAfterSeconds));
  }
  res.status(error.status).json(body);
};

/** Entra's own view via Microsoft Graph at `/api/scim/admin/entra`; read permission. */
export function createEntraAdminRouter(options: EntraAdminRouterOptions) {
  const { entra, httpAuth, permissions } = options;
  const authorize = createAdminAuthorizer({ httpAuth, permissions });
  const router = Router();

  router.get('/logs', async (req, res) => {
    await authorize(req, scimSettingsReadPermission);
    const page = parseEntraLogQuery(req.query);
    res.json(entra ? await entra.listLogs(page) : NOT_CONFIGURED);
  });

  router.get('/job', async (req, res) => {
    await authorize(req, scimSettingsReadPermission);
    res.json(entra ? await entra.getJob() : NOT_CONFIGURED);
  });

  router.use(entraErrorHandler);
  return router;
}
