import { CustomErrorBase } from '@backstage/errors';

/**
 * A Graph failure the admin can act on: 502 when Graph or the token
 * authority refused or failed, 503 when throttled, 404 when the service
 * principal has no provisioning job. The message says what to fix.
 */
export class EntraGraphError extends CustomErrorBase {
  name = 'EntraGraphError' as const;

  constructor(
    readonly status: 404 | 502 | 503,
    message: string,
    readonly retryAfterSeconds?: number,
    cause?: unknown,
  ) {
    super(message, cause);
  }
}
