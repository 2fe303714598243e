import { ResponseError } from '@backstage/errors';

/**
 * What to tell the user about a failed call: the server's own message for a
 * `ResponseError` (whose `message` is only "Request failed with 403 Forbidden").
 */
export function errorMessage(error: unknown): string {
  if (error instanceof ResponseError) {
    return error.cause?.message || error.message;
  }
  if (error instanceof Error) {
    return error.message;
  }
  return String(error);
}

/** True when the permission policy refused the call. */
export function isForbidden(error: unknown): boolean {
  return error instanceof ResponseError && error.statusCode === 403;
}
