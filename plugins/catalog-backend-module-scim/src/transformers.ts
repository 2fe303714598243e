import {
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
  GroupEntity,
  UserEntity,
} from '@backstage/catalog-model';
import {
  FeedGroup,
  FeedUser,
  MANAGED_BY_IDENTITY_PROVIDER,
  MANAGED_BY_LABEL,
  SCIM_ANNOTATIONS,
} from '@internal/backstage-plugin-scim-common';

/** Set to `'false'` on deactivated users kept in the catalog (`users.inactive: keep`). */
export const SCIM_ACTIVE_ANNOTATION = 'scim.backstage.io/active';

/** Read by the `emailMatchingUserEntityAnnotation` sign-in resolver of the `microsoft` auth provider. */
export const MICROSOFT_EMAIL_ANNOTATION = 'microsoft.com/email';

/** What every emitted entity shares. */
export interface TransformContext {
  namespace: string;
  /** `scim:<external base url of the SCIM plugin>/v2`. */
  locationRef: string;
}

function metadata(
  name: string,
  annotations: Record<string, string | undefined>,
  context: TransformContext,
) {
  const defined: Record<string, string> = {
    [ANNOTATION_LOCATION]: context.locationRef,
    [ANNOTATION_ORIGIN_LOCATION]: context.locationRef,
  };
  for (const [key, value] of Object.entries(annotations)) {
    if (value !== undefined) {
      defined[key] = value;
    }
  }
  return {
    name,
    namespace: context.namespace,
    annotations: defined,
    labels: { [MANAGED_BY_LABEL]: MANAGED_BY_IDENTITY_PROVIDER },
  };
}

function userDisplayName(user: FeedUser): string | undefined {
  if (user.displayName) {
    return user.displayName;
  }
  const full = [user.givenName, user.familyName].filter(Boolean).join(' ');
  return full || undefined;
}

/** A User entity; memberships are expressed on the groups, so `memberOf` stays empty. */
export function toUserEntity(
  user: FeedUser,
  name: string,
  context: TransformContext,
): UserEntity {
  const profile: UserEntity['spec']['profile'] = {};
  const displayName = userDisplayName(user);
  if (displayName) {
    profile.displayName = displayName;
  }
  if (user.email) {
    profile.email = user.email;
  }
  if (user.picture) {
    profile.picture = user.picture;
  }
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: metadata(
      name,
      {
        [SCIM_ANNOTATIONS.id]: user.id,
        [SCIM_ANNOTATIONS.externalId]: user.externalId,
        [SCIM_ANNOTATIONS.userName]: user.userName,
        [MICROSOFT_EMAIL_ANNOTATION]: user.email,
        [SCIM_ACTIVE_ANNOTATION]: user.active ? undefined : 'false',
      },
      context,
    ),
    spec: { profile, memberOf: [] },
  };
}

/** A Group entity listing its members, so a membership change re-emits only the group. */
export function toGroupEntity(
  group: FeedGroup,
  options: { name: string; type: string; memberRefs: string[] },
  context: TransformContext,
): GroupEntity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: metadata(
      options.name,
      {
        [SCIM_ANNOTATIONS.id]: group.id,
        [SCIM_ANNOTATIONS.externalId]: group.externalId,
      },
      context,
    ),
    spec: {
      type: options.type,
      profile: { displayName: group.displayName },
      children: [],
      members: [...options.memberRefs].sort(),
    },
  };
}
