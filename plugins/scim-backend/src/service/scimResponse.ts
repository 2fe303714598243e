import { Response } from 'express';
import { SCIM_CONTENT_TYPE } from '@internal/backstage-plugin-scim-common';
import { ScimError } from '../scim/ScimError';

/** Sends a SCIM JSON body with the SCIM media type. */
export function sendScim(res: Response, status: number, body: unknown) {
  res.status(status).type(SCIM_CONTENT_TYPE).send(JSON.stringify(body));
}

/** For known paths called with a method they do not support. */
export const methodNotAllowed = () => {
  throw new ScimError(405, 'Method not allowed on this endpoint');
};
