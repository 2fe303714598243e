import { Response } from 'express';
import { SCIM_CONTENT_TYPE } from '@internal/backstage-plugin-scim-common';
import { ScimError } from '../scim/ScimError';

/**
 * Sends a SCIM JSON body with the SCIM media type. The object stays in
 * `res.locals`, so the provisioning log need not parse the text back.
 */
export function sendScim(res: Response, status: number, body: unknown) {
  res.locals.scimBody = body;
  res.status(status).type(SCIM_CONTENT_TYPE).send(JSON.stringify(body));
}

/** The object `sendScim` sent, if it sent this response. */
export const sentScimBody = (res: Response): unknown => res.locals.scimBody;

/** For known paths called with a method they do not support. */
export const methodNotAllowed = () => {
  throw new ScimError(405, 'Method not allowed on this endpoint');
};
