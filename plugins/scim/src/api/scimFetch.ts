import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';

export interface ScimFetchOptions {
  method?: string;
  body?: unknown;
  /** Query parameters; undefined and empty values are left out. */
  query?: Record<string, string | number | undefined>;
}

/**
 * Calls the SCIM backend plugin: resolves its base URL, sends JSON and turns
 * non-2xx answers into `ResponseError`. Shared by the page's API clients.
 */
export function createScimFetch(deps: {
  discoveryApi: DiscoveryApi;
  fetchApi: FetchApi;
}) {
  return async function scimFetch<T>(
    path: string,
    options: ScimFetchOptions = {},
  ): Promise<T> {
    const baseUrl = await deps.discoveryApi.getBaseUrl('scim');
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(options.query ?? {})) {
      if (value !== undefined && value !== '') {
        query.set(key, String(value));
      }
    }
    const search = query.toString();
    const response = await deps.fetchApi.fetch(
      `${baseUrl}${path}${search ? `?${search}` : ''}`,
      {
        method: options.method ?? 'GET',
        ...(options.body === undefined
          ? {}
          : {
              headers: { 'Content-Type': 'application/json' },
              body: JSON.stringify(options.body),
            }),
      },
    );
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return response.status === 204 ? (undefined as T) : response.json();
  };
}

export type ScimFetch = ReturnType<typeof createScimFetch>;
