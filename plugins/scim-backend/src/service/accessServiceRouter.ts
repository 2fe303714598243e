import { HttpAuthService } from '@backstage/backend-plugin-api';
import Router from 'express-promise-router';
import { AccessControlService } from '../access/AccessControlService';
import { parseEntityRefOfKind } from '../access/parseAccessInput';

/**
 * The access API for other backend plugins at `/api/scim/access`
 * (`@internal/backstage-plugin-scim-node` calls it): a user's effective
 * roles and their permission rules. Service credentials only; users read
 * access through the permission-checked admin API.
 */
export function createAccessServiceRouter(options: {
  access: AccessControlService;
  httpAuth: HttpAuthService;
}) {
  const { access, httpAuth } = options;
  const router = Router();
  router.use(async (req, _res, next) => {
    await httpAuth.credentials(req, { allow: ['service'] });
    next();
  });
  router.get('/services', async (_req, res) => {
    res.json({ items: access.listServices() });
  });
  router.get('/users/:userEntityRef', async (req, res) => {
    const ref = parseEntityRefOfKind(
      req.params.userEntityRef,
      'user',
      'userEntityRef',
    );
    res.json(await access.getUserPermissions(ref));
  });
  return router;
}
