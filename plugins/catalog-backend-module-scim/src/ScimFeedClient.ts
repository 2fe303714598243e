import { AuthService, DiscoveryService } from '@backstage/backend-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  FeedChanges,
  FeedCursorResponse,
  FeedGroup,
  FeedPage,
  FeedUser,
} from '@internal/backstage-plugin-scim-common';

/** Reads the identity feed of the SCIM plugin (`/api/scim/feed`). */
export interface ScimFeedClient {
  /** The position of the newest change; read it before a full read. */
  getCursor(): Promise<string>;
  getUsers(after?: string): Promise<FeedPage<FeedUser>>;
  getGroups(after?: string): Promise<FeedPage<FeedGroup>>;
  getChanges(after: string): Promise<FeedChanges>;
}

/** The largest pages the feed serves; groups carry member ids, so fewer of them. */
const FEED_PAGE_LIMITS = { users: 5000, groups: 500, changes: 1000 };

/** Calls the SCIM plugin with a service token, as the feed accepts no user. */
export class DefaultScimFeedClient implements ScimFeedClient {
  constructor(
    private readonly options: {
      discovery: DiscoveryService;
      auth: AuthService;
    },
  ) {}

  async getCursor(): Promise<string> {
    const { cursor } = await this.get<FeedCursorResponse>('cursor', {});
    return cursor;
  }

  getUsers(after?: string): Promise<FeedPage<FeedUser>> {
    return this.get('users', { after, limit: FEED_PAGE_LIMITS.users });
  }

  getGroups(after?: string): Promise<FeedPage<FeedGroup>> {
    return this.get('groups', { after, limit: FEED_PAGE_LIMITS.groups });
  }

  getChanges(after: string): Promise<FeedChanges> {
    return this.get('changes', { after, limit: FEED_PAGE_LIMITS.changes });
  }

  private async get<T>(
    path: string,
    query: Record<string, string | number | undefined>,
  ): Promise<T> {
    const { discovery, auth } = this.options;
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined) {
        params.set(key, String(value));
      }
    }
    const search = params.toString() ? `?${params}` : '';
    const [baseUrl, { token }] = await Promise.all([
      discovery.getBaseUrl('scim'),
      auth.getPluginRequestToken({
        onBehalfOf: await auth.getOwnServiceCredentials(),
        targetPluginId: 'scim',
      }),
    ]);
    const response = await fetch(`${baseUrl}/feed/${path}${search}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}
