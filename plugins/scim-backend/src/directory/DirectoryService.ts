import { AuthService } from '@backstage/backend-plugin-api';
import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  DirectoryGroup,
  DirectoryGroupMember,
  DirectoryPage,
  DirectoryUser,
  SCIM_ANNOTATIONS,
} from '@internal/backstage-plugin-scim-common';
import {
  DIRECTORY_ENTITY_FIELDS,
  hasMemberCount,
  scimIdOf,
  toDirectoryGroup,
  toDirectoryGroupMember,
  toDirectoryUser,
} from './entityToDirectory';
import { DirectoryPageQuery, ScimDirectoryStore } from './ScimDirectoryStore';

export type DirectoryUserStatus = 'active' | 'deactivated';

export interface DirectoryUserQuery extends DirectoryPageQuery {
  status: DirectoryUserStatus;
}

const KEPT_INACTIVE_KEY =
  `metadata.annotations.${SCIM_ANNOTATIONS.active}` as const;

const BY_NAME = { field: 'metadata.name', order: 'asc' } as const;

const searchOf = (query: DirectoryPageQuery, fields: string[]) =>
  query.search?.trim() ? { term: query.search.trim(), fields } : undefined;

/**
 * The consolidated users and groups of the Identity and access page, one
 * server-side page at a time: catalog entities (whoever put them there)
 * enriched from the SCIM tables, plus the deactivated SCIM users the catalog
 * no longer holds.
 */
const scimIds = (entities: Entity[]) =>
  entities.map(scimIdOf).filter((id): id is string => Boolean(id));

export class DirectoryService {
  constructor(
    private readonly options: {
      catalog: CatalogService;
      auth: AuthService;
      store: ScimDirectoryStore;
    },
  ) {}

  async listUsers(
    query: DirectoryUserQuery,
  ): Promise<DirectoryPage<DirectoryUser>> {
    const { offset, limit } = query;
    if (query.status === 'deactivated') {
      const page = await this.options.store.listDeactivatedUsers(query);
      return { ...page, offset, limit };
    }
    const { items, totalItems } = await this.options.catalog.queryEntities(
      {
        query: {
          $all: [
            { kind: 'user' },
            // Deactivated users the catalog keeps belong to the other list.
            { $not: { [KEPT_INACTIVE_KEY]: 'false' } },
          ],
        },
        fullTextFilter: searchOf(query, [
          'metadata.name',
          'spec.profile.displayName',
          'spec.profile.email',
        ]),
        orderFields: BY_NAME,
        fields: DIRECTORY_ENTITY_FIELDS,
        offset,
        limit,
      },
      await this.credentials(),
    );
    const updatedAt = await this.options.store.userUpdatedAt(scimIds(items));
    return {
      items: items.map(entity => toDirectoryUser(entity, updatedAt)),
      totalCount: totalItems,
      offset,
      limit,
    };
  }

  async listGroups(
    query: DirectoryPageQuery,
  ): Promise<DirectoryPage<DirectoryGroup>> {
    const { offset, limit } = query;
    const credentials = await this.credentials();
    const { items, totalItems } = await this.options.catalog.queryEntities(
      {
        filter: { kind: 'group' },
        fullTextFilter: searchOf(query, [
          'metadata.name',
          'spec.profile.displayName',
        ]),
        orderFields: BY_NAME,
        fields: DIRECTORY_ENTITY_FIELDS,
        offset,
        limit,
      },
      credentials,
    );
    const backstageGroupRefs = items
      .filter(entity => !scimIdOf(entity))
      .map(entity => stringifyEntityRef(entity));
    const [summaries, backstageMemberCounts] = await Promise.all([
      this.options.store.groupSummaries(scimIds(items)),
      this.relationMemberCounts(backstageGroupRefs),
    ]);
    return {
      items: items.map(entity =>
        toDirectoryGroup(entity, summaries, backstageMemberCounts),
      ),
      totalCount: totalItems,
      offset,
      limit,
    };
  }

  /** The catalog users that are members of a group, by name. */
  async listGroupMembers(
    groupEntityRef: string,
    paging: { offset: number; limit: number },
  ): Promise<DirectoryPage<DirectoryGroupMember>> {
    const groupRef = normalizeGroupRef(groupEntityRef);
    const credentials = await this.credentials();
    const group = await this.options.catalog.getEntityByRef(
      groupRef,
      credentials,
    );
    if (!group) {
      throw new NotFoundError(`Group ${groupRef} not found in the catalog`);
    }
    const { items, totalItems } = await this.options.catalog.queryEntities(
      {
        filter: { kind: 'user', 'relations.memberOf': groupRef },
        orderFields: BY_NAME,
        fields: DIRECTORY_ENTITY_FIELDS,
        offset: paging.offset,
        limit: paging.limit,
      },
      credentials,
    );
    return {
      items: items.map(toDirectoryGroupMember),
      totalCount: totalItems,
      ...paging,
    };
  }

  /** Member counts of Backstage-managed groups, from their relations, in one call. */
  private async relationMemberCounts(
    groupRefs: string[],
  ): Promise<Map<string, number>> {
    if (groupRefs.length === 0) {
      return new Map();
    }
    const { items } = await this.options.catalog.getEntitiesByRefs(
      { entityRefs: groupRefs, fields: ['relations'] },
      await this.credentials(),
    );
    return new Map(
      groupRefs.map((ref, index) => [ref, hasMemberCount(items[index])]),
    );
  }

  /**
   * The plugin's own credentials: the caller already holds the identity
   * admin permission, and the directory must list every user and group.
   */
  private async credentials() {
    return { credentials: await this.options.auth.getOwnServiceCredentials() };
  }
}

function normalizeGroupRef(groupEntityRef: string): string {
  let ref;
  try {
    ref = parseEntityRef(groupEntityRef, { defaultKind: 'group' });
  } catch (error) {
    throw new InputError(`groupEntityRef is invalid: ${error}`);
  }
  if (ref.kind.toLocaleLowerCase('en-US') !== 'group') {
    throw new InputError('groupEntityRef must name an entity of kind Group');
  }
  return stringifyEntityRef(ref);
}
