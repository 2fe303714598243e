import { RequestHandler } from 'express';
import { ScimError } from '../scim/ScimError';
import { SettingsService } from './SettingsService';
import { TokenRejection, TokenService } from './TokenService';

/** What `res.locals.scimToken` holds after a successful check. */
export interface ScimTokenLocals {
  id: string;
  prefix: string;
}

const unauthorized = (detail: string) =>
  new ScimError(401, detail, undefined, { 'WWW-Authenticate': 'Bearer' });

// Entra shows these in its provisioning log; none of them echoes the token.
const REJECTIONS: Record<TokenRejection, string> = {
  malformed: 'The bearer token is malformed: it is not a Backstage SCIM token',
  unknown: 'The bearer token is not valid',
  expired:
    'The bearer token has expired: generate a new one in Backstage and update the Entra provisioning settings',
  revoked:
    'The bearer token has been revoked: generate a new one in Backstage and update the Entra provisioning settings',
};

/**
 * The SCIM endpoint's own bearer check (the route is unauthenticated towards
 * Backstage auth). The token is checked before the enabled switch so that
 * callers without a valid token learn nothing about the state.
 */
export function createScimAuthMiddleware(services: {
  settings: Pick<SettingsService, 'isEnabled'>;
  tokens: Pick<TokenService, 'verify'>;
}): RequestHandler {
  return async (req, res, next) => {
    try {
      const header = req.headers.authorization;
      if (!header) {
        throw unauthorized(
          'An Authorization header with a Backstage SCIM bearer token is required',
        );
      }
      const [scheme, ...credentials] = header.trim().split(/\s+/);
      if (scheme.toLowerCase() !== 'bearer') {
        throw unauthorized('Authorization must use the Bearer scheme');
      }
      if (credentials.length !== 1) {
        throw unauthorized(
          'The Authorization header is malformed: expected "Bearer <token>"',
        );
      }
      const result = await services.tokens.verify(credentials[0]);
      if (!result.ok) {
        throw unauthorized(REJECTIONS[result.reason]);
      }
      if (!(await services.settings.isEnabled())) {
        throw new ScimError(
          403,
          'SCIM provisioning is disabled in Backstage: an admin can enable it on the Identity and access page',
        );
      }
      const scimToken: ScimTokenLocals = {
        id: result.id,
        prefix: result.prefix,
      };
      res.locals.scimToken = scimToken;
      next();
    } catch (error) {
      next(error);
    }
  };
}
