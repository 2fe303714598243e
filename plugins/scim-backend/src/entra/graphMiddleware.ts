import {
  AuthenticationProvider,
  Context,
  GraphClientError,
  Middleware,
} from '@microsoft/microsoft-graph-client';

/** Seconds of a `Retry-After` header (delta-seconds or an HTTP date). */
export function retryAfterSeconds(
  headers: Headers | undefined,
  now: Date = new Date(),
): number | undefined {
  const value = headers?.get('retry-after');
  if (!value) {
    return undefined;
  }
  if (/^\d+$/.test(value.trim())) {
    return Number(value);
  }
  const date = Date.parse(value);
  return Number.isNaN(date)
    ? undefined
    : Math.max(0, Math.ceil((date - now.getTime()) / 1000));
}

abstract class ChainedMiddleware implements Middleware {
  private nextMiddleware?: Middleware;

  abstract execute(context: Context): Promise<void>;

  setNext(next: Middleware) {
    this.nextMiddleware = next;
  }

  protected next(context: Context) {
    return this.nextMiddleware!.execute(context);
  }
}

/**
 * Adds the app's bearer token to every request. The client only ever calls
 * the configured Graph base, so unlike Graph's AuthenticationHandler it
 * does not restrict the token to an allow-list of https hosts.
 */
export class BearerTokenMiddleware extends ChainedMiddleware {
  constructor(private readonly provider: AuthenticationProvider) {
    super();
  }

  async execute(context: Context) {
    let token: string;
    try {
      token = await this.provider.getAccessToken();
    } catch (error) {
      // The client rethrows only GraphClientError as is; anything else
      // becomes a GraphError that loses the authority's error response.
      const wrapped = new GraphClientError(String(error));
      wrapped.customError = error;
      throw wrapped;
    }
    context.options = {
      ...context.options,
      headers: {
        ...(context.options?.headers as Record<string, string> | undefined),
        Authorization: `Bearer ${token}`,
      },
    };
    await this.next(context);
  }
}

/**
 * Retries a 429 once when Graph asks for a short wait; a longer wait is the
 * caller's to honour (the admin API answers 503 with `retryAfterSeconds`).
 * Graph's own RetryHandler would wait up to three times, stalling the page.
 */
export class RetryAfterOnceMiddleware extends ChainedMiddleware {
  constructor(
    private readonly maxWaitSeconds: number,
    private readonly sleep = (ms: number) =>
      new Promise<void>(resolve => setTimeout(resolve, ms)),
  ) {
    super();
  }

  async execute(context: Context) {
    await this.next(context);
    if (context.response?.status !== 429) {
      return;
    }
    const wait = retryAfterSeconds(context.response.headers);
    if (wait !== undefined && wait <= this.maxWaitSeconds) {
      await this.sleep(wait * 1000);
      await this.next(context);
    }
  }
}
