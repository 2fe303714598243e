import {
  ClientSecretCredential,
  ClientSecretCredentialOptions,
  TokenCredential,
} from '@azure/identity';
import { InputError } from '@backstage/errors';
import {
  EntraJobStatus,
  EntraLogPage,
} from '@internal/backstage-plugin-scim-common';
import { Client, HTTPMessageHandler } from '@microsoft/microsoft-graph-client';
import { TokenCredentialAuthenticationProvider } from '@microsoft/microsoft-graph-client/authProviders/azureTokenCredentials';
import { EntraGraphError } from './EntraGraphError';
import {
  BearerTokenMiddleware,
  RetryAfterOnceMiddleware,
} from './graphMiddleware';
import {
  GraphProvisioningObjectSummary,
  GraphSynchronizationJob,
  toEntraJobStatus,
  toEntraLogEntry,
} from './mapGraphResponses';
import { EntraConfig } from './readEntraConfig';
import { GraphCallContext, toEntraGraphError } from './toEntraGraphError';

export interface EntraGraphClientOptions {
  config: EntraConfig;
  /** Extra options of the client-secret credential, e.g. a test CA. */
  credentialOptions?: ClientSecretCredentialOptions;
  /** How long answers are reused, to stay far below Graph's limits. */
  cacheTtlMs?: number;
  /** A 429 asking to wait at most this long is retried once. */
  maxRetryAfterSeconds?: number;
  now?: () => number;
}

interface CacheEntry {
  expiresAt: number;
  value: unknown;
}

const MAX_CACHE_ENTRIES = 100;

const encodeCursor = (skipToken: string) =>
  Buffer.from(skipToken, 'utf8').toString('base64url');

function decodeCursor(cursor: string): string {
  const skipToken = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!skipToken || encodeCursor(skipToken) !== cursor) {
    throw new InputError('cursor must be a nextCursor from a previous page');
  }
  return skipToken;
}

/** The `$skiptoken` of Graph's `@odata.nextLink`: our opaque cursor. */
function skipTokenOf(nextLink: string | undefined): string | undefined {
  if (!nextLink) {
    return undefined;
  }
  const params = new URL(nextLink).searchParams;
  return params.get('$skiptoken') ?? params.get('$skipToken') ?? undefined;
}

/**
 * Reads Entra's provisioning logs and the synchronization job of the SCIM
 * app's service principal from Microsoft Graph, as the app registration of
 * `scim.entra` (client credentials). Answers are cached briefly.
 */
export class EntraGraphClient {
  private readonly client: Client;
  private readonly servicePrincipalId: string;
  private readonly graphBaseUrl: string;
  private readonly cacheTtlMs: number;
  private readonly now: () => number;
  private readonly cache = new Map<string, CacheEntry>();

  static fromConfig(
    config: EntraConfig,
    options: Omit<EntraGraphClientOptions, 'config'> = {},
  ) {
    return new EntraGraphClient({ config, ...options });
  }

  private constructor(options: EntraGraphClientOptions) {
    const { config } = options;
    this.servicePrincipalId = config.servicePrincipalId;
    this.graphBaseUrl = config.graphBaseUrl;
    this.cacheTtlMs = options.cacheTtlMs ?? 30_000;
    this.now = options.now ?? Date.now;
    const credential: TokenCredential = new ClientSecretCredential(
      config.tenantId,
      config.clientId,
      config.clientSecret,
      {
        authorityHost: config.authorityHost,
        // The authority comes from config; discovery would ask
        // login.microsoftonline.com to vouch for it, which fails for
        // private clouds and loopback test authorities.
        disableInstanceDiscovery: true,
        ...options.credentialOptions,
      },
    );
    const authProvider = new TokenCredentialAuthenticationProvider(credential, {
      scopes: [`${config.graphBaseUrl}/.default`],
    });
    const bearer = new BearerTokenMiddleware(authProvider);
    const retry = new RetryAfterOnceMiddleware(
      options.maxRetryAfterSeconds ?? 5,
    );
    bearer.setNext(retry);
    retry.setNext(new HTTPMessageHandler());
    this.client = Client.initWithMiddleware({
      middleware: bearer,
      baseUrl: config.graphBaseUrl,
      defaultVersion: 'v1.0',
    });
  }

  /** One page of provisioning events of the SCIM app, newest first. */
  async listLogs(page: {
    cursor?: string;
    limit: number;
  }): Promise<EntraLogPage> {
    const skipToken = page.cursor ? decodeCursor(page.cursor) : undefined;
    return this.cached(
      `logs:${page.limit}:${page.cursor ?? ''}`,
      {
        action: 'reading provisioning logs',
        permission: 'AuditLog.Read.All',
      },
      async () => {
        const request = this.client.api('/auditLogs/provisioning').query({
          $filter: encodeURIComponent(
            `servicePrincipal/id eq '${this.servicePrincipalId}'`,
          ),
          $top: String(page.limit),
          ...(skipToken ? { $skiptoken: encodeURIComponent(skipToken) } : {}),
        });
        const body: {
          value: GraphProvisioningObjectSummary[];
          '@odata.nextLink'?: string;
        } = await request.get();
        const nextSkipToken = skipTokenOf(body['@odata.nextLink']);
        return {
          configured: true,
          items: body.value.map(toEntraLogEntry),
          ...(nextSkipToken ? { nextCursor: encodeCursor(nextSkipToken) } : {}),
        };
      },
    );
  }

  /** The provisioning (synchronization) job of the SCIM app. */
  async getJob(): Promise<EntraJobStatus> {
    return this.cached(
      'job',
      {
        action: 'reading the provisioning job',
        permission: 'Synchronization.Read.All',
      },
      async () => {
        const body: { value: GraphSynchronizationJob[] } = await this.client
          .api(
            `/servicePrincipals/${encodeURIComponent(
              this.servicePrincipalId,
            )}/synchronization/jobs`,
          )
          .get();
        // A non-gallery app has one job from the "scim" template.
        const job =
          body.value.find(j => j.templateId === 'scim') ?? body.value[0];
        if (!job) {
          throw new EntraGraphError(
            404,
            'The SCIM enterprise application has no provisioning job yet: set up provisioning for it in Entra first.',
          );
        }
        return toEntraJobStatus(job);
      },
    );
  }

  private async cached<T>(
    key: string,
    call: Omit<GraphCallContext, 'graphBaseUrl'>,
    read: () => Promise<T>,
  ): Promise<T> {
    const now = this.now();
    const hit = this.cache.get(key);
    if (hit && hit.expiresAt > now) {
      return hit.value as T;
    }
    let value: T;
    try {
      value = await read();
    } catch (error) {
      throw toEntraGraphError(error, {
        ...call,
        graphBaseUrl: this.graphBaseUrl,
      });
    }
    // Map order is insertion order: evict expired and, if still full, oldest.
    for (const [k, entry] of this.cache) {
      if (entry.expiresAt <= now || this.cache.size >= MAX_CACHE_ENTRIES) {
        this.cache.delete(k);
      }
    }
    this.cache.set(key, { expiresAt: now + this.cacheTtlMs, value });
    return value;
  }
}
