import { SCIM_SCHEMAS } from '@internal/backstage-plugin-scim-common';
import { GroupMember } from '../database/ScimGroupStore';
import { StoredResource } from '../database/ScimResourceTable';
import { UserGroupRef } from '../database/ScimUserStore';

const meta = (
  resourceType: 'User' | 'Group',
  stored: StoredResource,
  location: string,
) => ({
  resourceType,
  created: stored.createdAt,
  lastModified: stored.updatedAt,
  location,
  version: `W/"${stored.version}"`,
});

/** A stored user as a SCIM User resource; `groups` only when loaded. */
export function renderUser(
  stored: StoredResource,
  groups: UserGroupRef[] | undefined,
  baseUrl: string,
): Record<string, unknown> {
  const { externalId, ...attributes } = stored.attributes;
  return {
    schemas:
      SCIM_SCHEMAS.enterpriseUser in attributes
        ? [SCIM_SCHEMAS.user, SCIM_SCHEMAS.enterpriseUser]
        : [SCIM_SCHEMAS.user],
    id: stored.id,
    ...(externalId === undefined ? {} : { externalId }),
    ...attributes,
    ...(groups?.length
      ? {
          groups: groups.map(g => ({
            value: g.id,
            $ref: `${baseUrl}/Groups/${g.id}`,
            display: g.displayName,
            type: 'direct',
          })),
        }
      : {}),
    meta: meta('User', stored, `${baseUrl}/Users/${stored.id}`),
  };
}

/** A stored group as a SCIM Group resource; `members` only when loaded. */
export function renderGroup(
  stored: StoredResource,
  members: GroupMember[] | undefined,
  baseUrl: string,
): Record<string, unknown> {
  const { externalId, ...attributes } = stored.attributes;
  return {
    schemas: [SCIM_SCHEMAS.group],
    id: stored.id,
    ...(externalId === undefined ? {} : { externalId }),
    ...attributes,
    ...(members
      ? {
          members: members.map(m => ({
            value: m.id,
            $ref: `${baseUrl}/Users/${m.id}`,
            ...(m.displayName ? { display: m.displayName } : {}),
            type: 'User',
          })),
        }
      : {}),
    meta: meta('Group', stored, `${baseUrl}/Groups/${stored.id}`),
  };
}
