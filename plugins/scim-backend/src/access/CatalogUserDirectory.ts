import { AuthService } from '@backstage/backend-plugin-api';
import {
  Entity,
  RELATION_MEMBER_OF,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { SCIM_ANNOTATIONS } from '@internal/backstage-plugin-scim-common';
import { Knex } from 'knex';
import { chunks } from '../database/dbUtils';

/** What access needs to know about a user. */
export interface UserMembership {
  /** False for a user the catalog does not hold, or a SCIM user that is deactivated or deleted. */
  active: boolean;
  /** Lower-case refs of the groups the user is a direct member of. */
  groupRefs: string[];
}

/** Users and their memberships, as the access rules see them. */
export interface AccessUserDirectory {
  membership(userRef: string): Promise<UserMembership>;
  /** Those of the given user refs that are IdP-provisioned catalog users. */
  idpProvisioned(userRefs: string[]): Promise<string[]>;
}

const LOOKUP_CHUNK = 500;
const INACTIVE: UserMembership = { active: false, groupRefs: [] };

/**
 * Memberships from the catalog (a User's `memberOf` relations, whoever put
 * them there); SCIM status from our own `scim_users` table, which a
 * deactivation reaches before the catalog does.
 */
export class CatalogUserDirectory implements AccessUserDirectory {
  constructor(
    private readonly options: {
      catalog: CatalogService;
      auth: AuthService;
      db: Knex;
    },
  ) {}

  async membership(userRef: string): Promise<UserMembership> {
    const entity = await this.options.catalog.getEntityByRef(
      userRef,
      await this.credentials(),
    );
    if (!entity || entity.kind.toLocaleLowerCase('en-US') !== 'user') {
      return INACTIVE;
    }
    if (!(await this.isActive(entity))) {
      return INACTIVE;
    }
    const groupRefs = (entity.relations ?? [])
      .filter(relation => relation.type === RELATION_MEMBER_OF)
      .map(relation => relation.targetRef.toLocaleLowerCase('en-US'));
    return { active: true, groupRefs: [...new Set(groupRefs)].sort() };
  }

  async idpProvisioned(userRefs: string[]): Promise<string[]> {
    const credentials = await this.credentials();
    const result: string[] = [];
    for (const entityRefs of chunks(userRefs, LOOKUP_CHUNK)) {
      const { items } = await this.options.catalog.getEntitiesByRefs(
        {
          entityRefs,
          fields: [
            'kind',
            'metadata.namespace',
            'metadata.name',
            'metadata.annotations',
          ],
        },
        credentials,
      );
      for (const entity of items) {
        if (entity?.metadata.annotations?.[SCIM_ANNOTATIONS.id]) {
          result.push(stringifyEntityRef(entity));
        }
      }
    }
    return result;
  }

  private async isActive(entity: Entity): Promise<boolean> {
    const annotations = entity.metadata.annotations ?? {};
    const scimId = annotations[SCIM_ANNOTATIONS.id];
    if (!scimId) {
      return true; // not provisioned by SCIM: the catalog entity is the truth
    }
    if (annotations[SCIM_ANNOTATIONS.active] === 'false') {
      return false;
    }
    const row = await this.options
      .db('scim_users')
      .where({ id: scimId })
      .first('active');
    // No row: deleted over SCIM, the catalog has not caught up yet.
    return Boolean(row?.active);
  }

  /** The plugin's own credentials: callers were authorized already. */
  private async credentials() {
    return { credentials: await this.options.auth.getOwnServiceCredentials() };
  }
}
