import { LoggerService } from '@backstage/backend-plugin-api';
import { ErrorRequestHandler } from 'express';
import { ScimError } from '../scim/ScimError';
import { sendScim } from './scimResponse';

/**
 * Turns anything thrown below the SCIM routes into an RFC 7644 error body.
 * Backstage's own error handler answers in its own shape, which Entra cannot read.
 */
export function scimErrorHandler(logger: LoggerService): ErrorRequestHandler {
  return (err, _req, res, next) => {
    if (res.headersSent) {
      next(err);
      return;
    }
    const scimError = toScimError(err);
    if (scimError.status >= 500) {
      logger.error('SCIM request failed', err);
    }
    res.set(scimError.headers ?? {});
    sendScim(res, scimError.status, scimError.toBody());
  };
}

function toScimError(err: any): ScimError {
  if (err instanceof ScimError) {
    return err;
  }
  // body-parser errors carry a `type` and an HTTP status.
  switch (err?.type) {
    case 'entity.parse.failed':
      return new ScimError(
        400,
        'Request body is not valid JSON',
        'invalidSyntax',
      );
    case 'entity.too.large':
      return new ScimError(413, 'Request body is too large');
    case 'charset.unsupported':
    case 'encoding.unsupported':
      return new ScimError(415, String(err.message));
    default:
  }
  switch (err?.name) {
    case 'InputError':
      return new ScimError(400, String(err.message), 'invalidValue');
    case 'NotFoundError':
      return new ScimError(404, String(err.message));
    case 'ConflictError':
      return new ScimError(409, String(err.message), 'uniqueness');
    case 'AuthenticationError':
      return new ScimError(401, String(err.message), undefined, {
        'WWW-Authenticate': 'Bearer',
      });
    case 'NotAllowedError':
      return new ScimError(403, String(err.message));
    default:
  }
  return new ScimError(500, 'Internal server error');
}
