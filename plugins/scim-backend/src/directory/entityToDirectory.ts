import {
  Entity,
  RELATION_HAS_MEMBER,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  DirectoryGroup,
  DirectoryGroupMember,
  DirectoryUser,
  MANAGED_BY_IDENTITY_PROVIDER,
  MANAGED_BY_LABEL,
  SCIM_ANNOTATIONS,
} from '@internal/backstage-plugin-scim-common';
import { ScimGroupSummary } from './ScimDirectoryStore';

/** The entity fields the directory reads: never relations, which can be huge. */
export const DIRECTORY_ENTITY_FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.annotations',
  'metadata.labels',
  'spec.profile',
];

interface Profile {
  displayName?: string;
  email?: string;
}

const profileOf = (entity: Entity): Profile =>
  ((entity.spec as { profile?: Profile } | undefined)?.profile ??
    {}) as Profile;

export const scimIdOf = (entity: Entity): string | undefined =>
  entity.metadata.annotations?.[SCIM_ANNOTATIONS.id];

/** A catalog `User` as the directory lists it; SCIM ones carry their last SCIM change. */
export function toDirectoryUser(
  entity: Entity,
  scimUpdatedAt: Map<string, string>,
): DirectoryUser {
  const scimId = scimIdOf(entity);
  const profile = profileOf(entity);
  return {
    entityRef: stringifyEntityRef(entity),
    scimId,
    userName:
      entity.metadata.annotations?.[SCIM_ANNOTATIONS.userName] ??
      entity.metadata.name,
    displayName: profile.displayName,
    email: profile.email,
    source: scimId ? 'scim' : 'backstage',
    active: entity.metadata.annotations?.[SCIM_ANNOTATIONS.active] !== 'false',
    lastProvisionedAt: scimId ? scimUpdatedAt.get(scimId) : undefined,
  };
}

/** The number of `hasMember` relations of a group entity loaded with its relations. */
export const hasMemberCount = (entity: Entity | undefined): number =>
  (entity?.relations ?? []).filter(r => r.type === RELATION_HAS_MEMBER).length;

/**
 * A catalog `Group`: SCIM groups take their member count from our tables,
 * Backstage groups from `backstageMemberCounts` (their relations).
 */
export function toDirectoryGroup(
  entity: Entity,
  scimSummaries: Map<string, ScimGroupSummary>,
  backstageMemberCounts: Map<string, number>,
): DirectoryGroup {
  const entityRef = stringifyEntityRef(entity);
  const scimId = scimIdOf(entity);
  const summary = scimId ? scimSummaries.get(scimId) : undefined;
  return {
    entityRef,
    scimId,
    displayName: profileOf(entity).displayName ?? entity.metadata.name,
    managedBy:
      entity.metadata.labels?.[MANAGED_BY_LABEL] ===
      MANAGED_BY_IDENTITY_PROVIDER
        ? 'identity-provider'
        : 'backstage',
    memberCount: scimId
      ? summary?.memberCount ?? 0
      : backstageMemberCounts.get(entityRef) ?? 0,
    lastProvisionedAt: summary?.updatedAt,
  };
}

export const toDirectoryGroupMember = (
  entity: Entity,
): DirectoryGroupMember => ({
  entityRef: stringifyEntityRef(entity),
  displayName: profileOf(entity).displayName,
});
