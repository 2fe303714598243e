import { ResponseError } from '@backstage/errors';
import { EntraErrorBody } from '@internal/backstage-plugin-scim-common';
import { errorMessage } from '../../utils/errors';

export interface EntraFailure {
  title: string;
  message: string;
  retryAfterSeconds?: number;
}

const TITLES: Record<number, string> = {
  404: 'Entra has no provisioning job for this app',
  502: 'Microsoft Graph refused or failed the request',
  503: 'Microsoft Graph is throttling requests',
};

/**
 * The Graph error of a failed Entra route. Bodies without Backstage's
 * `response` field reach `ResponseError` only as raw text in its message, so
 * the `EntraErrorBody` is read back from there.
 */
function entraBody(error: ResponseError): EntraErrorBody['error'] | undefined {
  const fromBody = error.body.error as EntraErrorBody['error'];
  if (error.body.error.name !== 'Error') {
    return fromBody;
  }
  const raw = error.body.error.message;
  try {
    return (JSON.parse(raw.slice(raw.indexOf('{'))) as EntraErrorBody).error;
  } catch {
    return undefined;
  }
}

/** What to tell an admin when reading Entra's side failed. */
export function describeEntraError(error: unknown): EntraFailure {
  if (!(error instanceof ResponseError)) {
    return {
      title: 'Could not read from Microsoft Graph',
      message: errorMessage(error),
    };
  }
  const body = entraBody(error);
  const header = Number(error.response.headers.get('Retry-After'));
  return {
    title: TITLES[error.statusCode] ?? 'Could not read from Microsoft Graph',
    message: body?.message ?? errorMessage(error),
    retryAfterSeconds:
      body?.retryAfterSeconds ?? (header > 0 ? header : undefined),
  };
}
