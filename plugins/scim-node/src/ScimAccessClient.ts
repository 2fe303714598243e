import { AuthService, DiscoveryService } from '@backstage/backend-plugin-api';
import { ResponseError } from '@backstage/errors';
import { UserPermissionAccess } from '@internal/backstage-plugin-scim-common';

/**
 * How long a user's answer is reused. Permission checks come in bursts (a
 * catalog page asks many), while grant changes should apply within seconds.
 */
export const SCIM_ACCESS_CACHE_TTL_MS = 5_000;

/** Reads users' effective SCIM roles from the SCIM backend. */
export interface ScimAccessService {
  /**
   * The user's manual and effective roles, with the permission rules of
   * those roles. A user the catalog does not know, or that SCIM deactivated
   * or deleted, has `active: false` and no effective roles.
   */
  getUserAccess(userEntityRef: string): Promise<UserPermissionAccess>;
}

/** Calls `GET /api/scim/access/users/{ref}` with this plugin's service token. */
export class ScimAccessClient implements ScimAccessService {
  private readonly cache = new Map<
    string,
    { value: Promise<UserPermissionAccess>; expiresAt: number }
  >();

  constructor(
    private readonly options: {
      discovery: DiscoveryService;
      auth: AuthService;
      now?: () => number;
    },
  ) {}

  getUserAccess(userEntityRef: string): Promise<UserPermissionAccess> {
    const now = this.options.now?.() ?? Date.now();
    const key = userEntityRef.toLocaleLowerCase('en-US');
    const cached = this.cache.get(key);
    if (cached && cached.expiresAt > now) {
      return cached.value;
    }
    this.forgetExpired(now);
    const value = this.fetchUserAccess(key);
    this.cache.set(key, { value, expiresAt: now + SCIM_ACCESS_CACHE_TTL_MS });
    // A failure is not remembered: the next check asks again.
    value.catch(() => {
      if (this.cache.get(key)?.value === value) {
        this.cache.delete(key);
      }
    });
    return value;
  }

  private async fetchUserAccess(
    userEntityRef: string,
  ): Promise<UserPermissionAccess> {
    const { discovery, auth } = this.options;
    const { token } = await auth.getPluginRequestToken({
      onBehalfOf: await auth.getOwnServiceCredentials(),
      targetPluginId: 'scim',
    });
    const baseUrl = await discovery.getBaseUrl('scim');
    const response = await fetch(
      `${baseUrl}/access/users/${encodeURIComponent(userEntityRef)}`,
      { headers: { Authorization: `Bearer ${token}` } },
    );
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return response.json();
  }

  private forgetExpired(now: number) {
    for (const [key, entry] of this.cache) {
      if (entry.expiresAt <= now) {
        this.cache.delete(key);
      }
    }
  }
}
