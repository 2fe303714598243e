import {
  BackstageCredentials,
  BackstageServicePrincipal,
  BackstageUserPrincipal,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  BasicPermission,
} from '@backstage/plugin-permission-common';
import {
  scimSettingsManagePermission,
  scimSettingsReadPermission,
} from '@internal/backstage-plugin-scim-common';
import express, { Request } from 'express';
import Router from 'express-promise-router';
import { AdminServices } from './createAdminServices';

export interface AdminRouterOptions extends AdminServices {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
}

/** Who acted, for the audit trail: a user entity ref or `service:<subject>`. */
function actorOf(
  credentials: BackstageCredentials<
    BackstageUserPrincipal | BackstageServicePrincipal
  >,
) {
  const principal = credentials.principal;
  return principal.type === 'user'
    ? principal.userEntityRef
    : `service:${principal.subject}`;
}

function parsePaging(query: Request['query']) {
  const offset = query.offset === undefined ? 0 : Number(query.offset);
  const limit = query.limit === undefined ? 50 : Number(query.limit);
  if (!Number.isInteger(offset) || offset < 0) {
    throw new InputError('offset must be a non-negative integer');
  }
  if (!Number.isInteger(limit) || limit < 1 || limit > 200) {
    throw new InputError('limit must be an integer from 1 to 200');
  }
  return { offset, limit };
}

/** The admin API at `/api/scim/admin`: settings, tokens, audit; every route permission-checked. */
export function createAdminRouter(options: AdminRouterOptions) {
  const { settings, tokens, audit, httpAuth, permissions } = options;
  const router = Router();
  router.use(express.json());

  /** Authenticates, checks the permission and returns the actor. */
  const authorize = async (req: Request, permission: BasicPermission) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const [decision] = await permissions.authorize([{ permission }], {
      credentials,
    });
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(`You need the ${permission.name} permission`);
    }
    return actorOf(credentials);
  };

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
