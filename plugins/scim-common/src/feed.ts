/**
 * The identity feed the SCIM backend serves at `/api/scim/feed` for the
 * catalog module (service-to-service auth only). Cursors are opaque strings.
 */

/** A provisioned user as the catalog needs it. */
export interface FeedUser {
  id: string;
  externalId?: string;
  userName: string;
  displayName?: string;
  givenName?: string;
  familyName?: string;
  /** Primary (else work, else first) email. */
  email?: string;
  /** First photo URL, if given. */
  picture?: string;
  active: boolean;
  createdAt: string;
  updatedAt: string;
}

/** A provisioned group with the ids of its member users. */
export interface FeedGroup {
  id: string;
  externalId?: string;
  displayName: string;
  memberIds: string[];
  createdAt: string;
  updatedAt: string;
}

/** `GET /feed/cursor`: the position of the newest change. */
export interface FeedCursorResponse {
  cursor: string;
}

/** `GET /feed/users?after=<id>&limit=` and `GET /feed/groups?after=<id>&limit=`: keyset pages by id. */
export interface FeedPage<T> {
  items: T[];
  /** Pass as `after` to read the next page; absent on the last page. */
  next?: string;
}

/**
 * `GET /feed/changes?after=<cursor>&limit=`: the current state of everything
 * that changed after the cursor. `reset: true` means the cursor is older than
 * the retained changes: read everything again.
 */
export interface FeedChanges {
  cursor: string;
  reset: boolean;
  /** True when more changes follow: call again with the returned cursor. */
  more: boolean;
  users: FeedUser[];
  deletedUserIds: string[];
  groups: FeedGroup[];
  deletedGroupIds: string[];
}

/** Events service topic published after every committed SCIM write. */
export const SCIM_CHANGED_TOPIC = 'scim.changed';

/** Annotations and labels on catalog entities that came from SCIM. */
export const SCIM_ANNOTATIONS = {
  /** SCIM `id` of the user or group. */
  id: 'scim.backstage.io/id',
  /** SCIM `externalId` (Entra's object id for groups, mailNickname for users by default). */
  externalId: 'scim.backstage.io/external-id',
  /** SCIM `userName` of a user. */
  userName: 'scim.backstage.io/user-name',
  /** `'false'` on a deactivated user the catalog keeps (`users.inactive: keep`). */
  active: 'scim.backstage.io/active',
} as const;

/** Label marking entities managed by the identity provider; value `identity-provider`. */
export const MANAGED_BY_LABEL = 'scim.backstage.io/managed-by';
export const MANAGED_BY_IDENTITY_PROVIDER = 'identity-provider';
