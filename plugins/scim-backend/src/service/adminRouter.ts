import {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  scimSettingsManagePermission,
  scimSettingsReadPermission,
} from '@internal/backstage-plugin-scim-common';
import express from 'express';
import Router from 'express-promise-router';
import { createAdminAuthorizer, parsePaging } from './adminAuthorizer';
import { AdminServices } from './createAdminServices';

export interface AdminRouterOptions extends AdminServices {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
}

/** The admin API at `/api/scim/admin`: settings, tokens, audit; every route permission-checked. */
export function createAdminRouter(options: AdminRouterOptions) {
  const { settings, tokens, audit, httpAuth, permissions } = options;
  const router = Router();
  router.use(express.json());

  const authorize = createAdminAuthorizer({ httpAuth, permissions });

  router.get('/settings', async (req, res) => {
    await authorize(req, scimSettingsReadPermission);
    res.json(await settings.get());
  });
  router.put('/settings', async (req, res) => {
    const actor = await authorize(req, scimSettingsManagePermission);
    res.json(await settings.update(req.body, actor));
  });

  router.get('/tokens', async (req, res) => {
    await authorize(req, scimSettingsReadPermission);
    res.json({ items: await tokens.list() });
  });
  router.post('/tokens', async (req, res) => {
    const actor = await authorize(req, scimSettingsManagePermission);
    const body = req.body ?? {};
    res.status(201).json(
      await tokens.create({
        validityDays: body.validityDays,
        description: body.description,
        actor,
      }),
    );
  });
  router.delete('/tokens/:id', async (req, res) => {
    const actor = await authorize(req, scimSettingsManagePermission);
    await tokens.revoke(req.params.id, actor);
    res.status(204).end();
  });

  router.get('/audit', async (req, res) => {
    await authorize(req, scimSettingsReadPermission);
    const { offset, limit } = parsePaging(req.query);
    res.json(await audit.list(offset, limit));
  });

  return router;
}
