import {
  GraphClientError,
  GraphError,
} from '@microsoft/microsoft-graph-client';
import { EntraGraphError } from './EntraGraphError';
import { retryAfterSeconds } from './graphMiddleware';

/** What the failed call needed, for the "what to fix" part of the message. */
export interface GraphCallContext {
  /** e.g. "reading provisioning logs". */
  action: string;
  /** The Graph application permission the call needs. */
  permission: string;
  graphBaseUrl: string;
}

const CREDENTIALS_HINT =
  'check scim.entra.tenantId, scim.entra.clientId and scim.entra.clientSecret (the secret may have expired), and scim.entra.authorityHost if set';

/** @azure/identity's errors for a token it could not get. */
const CREDENTIAL_ERRORS = new Set([
  'AuthenticationError',
  'AuthenticationRequiredError',
  'CredentialUnavailableError',
  'AggregateAuthenticationError',
]);

/** Entra's own explanation (`AADSTS7000215: Invalid client secret ...`), else the first line. */
function credentialReason(error: any): string {
  const text = String(
    error.errorResponse?.errorDescription ?? error.message ?? error,
  );
  return text.match(/AADSTS\d+:[^\r\n]*/)?.[0] ?? text.split(/\r?\n/)[0];
}

function fromCredentialError(error: unknown, call: GraphCallContext) {
  return new EntraGraphError(
    502,
    `Microsoft Entra gave the app no token while ${
      call.action
    }: ${credentialReason(error)} Fix: ${CREDENTIALS_HINT}.`,
    undefined,
    error,
  );
}

function fromGraphError(error: GraphError, call: GraphCallContext) {
  const detail = `${error.statusCode}${error.code ? ` ${error.code}` : ''}: ${
    error.message
  }`;
  switch (error.statusCode) {
    case 401:
      return new EntraGraphError(
        502,
        `Microsoft Graph rejected the app's token while ${call.action} (${detail}). Fix: ${CREDENTIALS_HINT}.`,
        undefined,
        error,
      );
    case 403:
      return new EntraGraphError(
        502,
        `The app registration may not be ${call.action} (${detail}). Fix: grant it the Microsoft Graph application permission ${call.permission} and give admin consent.`,
        undefined,
        error,
      );
    case 404:
      return new EntraGraphError(
        502,
        `Microsoft Graph found nothing while ${call.action} (${detail}). Fix: check scim.entra.servicePrincipalId, the object id of the SCIM enterprise application.`,
        undefined,
        error,
      );
    case 429: {
      const seconds = retryAfterSeconds(error.headers) ?? 60;
      return new EntraGraphError(
        503,
        `Microsoft Graph is throttling requests; try again in ${seconds} seconds.`,
        seconds,
        error,
      );
    }
    default:
      return new EntraGraphError(
        502,
        `Microsoft Graph failed while ${call.action} (${detail}).`,
        undefined,
        error,
      );
  }
}

/** Maps anything the Graph call threw to an error the admin page can show. */
export function toEntraGraphError(
  error: unknown,
  call: GraphCallContext,
): EntraGraphError {
  if (error instanceof EntraGraphError) {
    return error;
  }
  const anyError =
    error instanceof GraphClientError && error.customError
      ? error.customError
      : (error as any);
  if (CREDENTIAL_ERRORS.has(anyError?.name)) {
    return fromCredentialError(anyError, call);
  }
  if (error instanceof GraphError && error.statusCode > 0) {
    return fromGraphError(error, call);
  }
  return new EntraGraphError(
    502,
    `Could not reach Microsoft Graph at ${
      call.graphBaseUrl
    } or its token authority while ${call.action}: ${
      anyError?.message ?? String(error)
    }`,
    undefined,
    error,
  );
}
