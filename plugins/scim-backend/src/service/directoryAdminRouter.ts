import {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { scimSettingsReadPermission } from '@internal/backstage-plugin-scim-common';
import { Request } from 'express';
import Router from 'express-promise-router';
import {
  DirectoryService,
  DirectoryUserStatus,
} from '../directory/DirectoryService';
import { createAdminAuthorizer, parsePaging } from './adminAuthorizer';

const MAX_SEARCH_LENGTH = 200;
const STATUSES: DirectoryUserStatus[] = ['active', 'deactivated'];

export interface DirectoryAdminRouterOptions {
  directory: Pick<
    DirectoryService,
    'listUsers' | 'listGroups' | 'listGroupMembers'
  >;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
}

function parseSearch(query: Request['query']): string | undefined {
  const { search } = query;
  if (search === undefined) {
    return undefined;
  }
  if (typeof search !== 'string' || search.length > MAX_SEARCH_LENGTH) {
    throw new InputError(
      `search must be one string of at most ${MAX_SEARCH_LENGTH} characters`,
    );
  }
  return search;
}

function parseStatus(query: Request['query']): DirectoryUserStatus {
  const { status = 'active' } = query;
  if (!STATUSES.includes(status as DirectoryUserStatus)) {
    throw new InputError(`status must be one of ${STATUSES.join(', ')}`);
  }
  return status as DirectoryUserStatus;
}

/**
 * `/api/scim/admin/directory`: the consolidated users and groups, paged on
 * the server; every route needs `scim.settings.read`.
 */
export function createDirectoryAdminRouter(
  options: DirectoryAdminRouterOptions,
) {
  const { directory } = options;
  const authorize = createAdminAuthorizer(options);
  const router = Router();

  router.get('/users', async (req, res) => {
    await authorize(req, scimSettingsReadPermission);
    res.json(
      await directory.listUsers({
        search: parseSearch(req.query),
        status: parseStatus(req.query),
        ...parsePaging(req.query),
      }),
    );
  });

  router.get('/groups', async (req, res) => {
    await authorize(req, scimSettingsReadPermission);
    res.json(
      await directory.listGroups({
        search: parseSearch(req.query),
        ...parsePaging(req.query),
      }),
    );
  });

  router.get('/groups/:groupEntityRef/members', async (req, res) => {
    await authorize(req, scimSettingsReadPermission);
    res.json(
      await directory.listGroupMembers(
        req.params.groupEntityRef,
        parsePaging(req.query),
      ),
    );
  });

  return router;
}
