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
import { AccessControlService } from '../access/AccessControlService';
import {
  parseEntityRefOfKind,
  parseGrant,
  parseGroupAccessUpdate,
} from '../access/parseAccessInput';
import { createAdminAuthorizer } from './adminAuthorizer';

/**
 * Group access and manual user roles at `/api/scim/admin/access`. Entity
 * refs travel URL-encoded in one path segment (`group%3Adefault%2Fdevs`).
 */
export function createAccessAdminRouter(options: {
  access: AccessControlService;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
}) {
  const { access } = options;
  const authorize = createAdminAuthorizer(options);
  const router = Router();
  router.use(express.json());

  const groupRef = (value: unknown) =>
    parseEntityRefOfKind(value, 'group', 'groupEntityRef');
  const userRef = (value: unknown) =>
    parseEntityRefOfKind(value, 'user', 'userEntityRef');

  router.get('/services', async (req, res) => {
    await authorize(req, scimSettingsReadPermission);
    res.json({ items: access.listServices() });
  });

  router.get('/groups', async (req, res) => {
    await authorize(req, scimSettingsReadPermission);
    res.json({ items: await access.listGroupAccess() });
  });
  router.get('/groups/:groupEntityRef', async (req, res) => {
    await authorize(req, scimSettingsReadPermission);
    res.json(await access.getGroupAccess(groupRef(req.params.groupEntityRef)));
  });
  router.put('/groups/:groupEntityRef', async (req, res) => {
    const actor = await authorize(req, scimSettingsManagePermission);
    const ref = groupRef(req.params.groupEntityRef);
    res.json(
      await access.updateGroupAccess(
        ref,
        parseGroupAccessUpdate(req.body),
        actor,
      ),
    );
  });

  router.get('/users/:userEntityRef', async (req, res) => {
    await authorize(req, scimSettingsReadPermission);
    res.json(await access.getUserAccess(userRef(req.params.userEntityRef)));
  });
  router.post('/users/:userEntityRef/roles', async (req, res) => {
    const actor = await authorize(req, scimSettingsManagePermission);
    const ref = userRef(req.params.userEntityRef);
    res
      .status(201)
      .json(await access.addUserRole(ref, parseGrant(req.body, 'body'), actor));
  });
  router.delete(
    '/users/:userEntityRef/roles/:service/:role',
    async (req, res) => {
      const actor = await authorize(req, scimSettingsManagePermission);
      const ref = userRef(req.params.userEntityRef);
      await access.removeUserRole(ref, parseGrant(req.params, 'path'), actor);
      res.status(204).end();
    },
  );
  router.delete('/users/:userEntityRef/roles', async (req, res) => {
    const actor = await authorize(req, scimSettingsManagePermission);
    const ref = userRef(req.params.userEntityRef);
    await access.removeUserRole(ref, parseGrant(req.body, 'body'), actor);
    res.status(204).end();
  });

  router.post('/manual-roles/remove-idp-users', async (req, res) => {
    const actor = await authorize(req, scimSettingsManagePermission);
    res.json(await access.removeIdpManualRoles(actor));
  });

  return router;
}
