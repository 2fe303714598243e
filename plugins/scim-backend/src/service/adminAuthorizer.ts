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
import { Request } from 'express';

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

/** Authenticates a request, checks one permission and returns the actor. */
export type AdminAuthorizer = (
  req: Request,
  permission: BasicPermission,
) => Promise<string>;

/** The check every `/admin` route starts with. */
export function createAdminAuthorizer(options: {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
}): AdminAuthorizer {
  const { httpAuth, permissions } = options;
  return async (req, permission) => {
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
}

/** `offset` and `limit` query parameters of the admin list routes. */
export function parsePaging(
  query: Request['query'],
  defaults: { limit: number; maxLimit: number } = { limit: 50, maxLimit: 200 },
) {
  const offset = query.offset === undefined ? 0 : Number(query.offset);
  const limit =
    query.limit === undefined ? defaults.limit : Number(query.limit);
  if (!Number.isInteger(offset) || offset < 0) {
    throw new InputError('offset must be a non-negative integer');
  }
  if (!Number.isInteger(limit) || limit < 1 || limit > defaults.maxLimit) {
    throw new InputError(
      `limit must be an integer from 1 to ${defaults.maxLimit}`,
    );
  }
  return { offset, limit };
}
