import { RequestHandler } from 'express';
import { ScimError } from '../scim/ScimError';
import { AdminServices } from './createAdminServices';
import { TokenRejection } from './TokenService';

const unauthorized = (detail: string) =>
  new ScimError(401, detail, undefined, { 'WWW-Authenticate': 'Bearer' });

const REJECTIONS: Record<TokenRejection, string> = {
  malformed: 'The bearer token is malformed',
  unknown: 'The bearer token is not valid',
  expired: 'The bearer token has expired: generate a new one in Backstage',
  revoked: 'The bearer token has been revoked',
};

/**
 * The SCIM endpoint's own bearer check (the route is unauthenticated towards
 * Backstage auth). The token is checked before the enabled switch so that
 * callers without a token learn nothing about the state.
 */
export function createScimAuthMiddleware(
  services: Pick<AdminServices, 'settings' | 'tokens'>,
): RequestHandler {
  return async (req, res, next) => {
    try {
      const header = req.headers.authorization;
      if (!header) {
        throw unauthorized(
          'Authorization header with a bearer token is required',
        );
      }
      const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
      if (!match) {
        throw unauthorized('Authorization must use the Bearer scheme');
      }
      const result = await services.tokens.verify(match[1]);
      if (!result.ok) {
        throw unauthorized(REJECTIONS[result.reason]);
      }
      if (!(await services.settings.isEnabled())) {
        throw new ScimError(
          403,
          'SCIM provisioning is disabled in Backstage: enable it on the Identity and access page',
        );
      }
      res.locals.scimToken = { id: result.id, prefix: result.prefix };
      next();
    } catch (error) {
      next(error);
    }
  };
}
