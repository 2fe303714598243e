import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import {
  AuthorizeResult,
  createPermission,
} from '@backstage/plugin-permission-common';
import { PolicyQueryUser } from '@backstage/plugin-permission-node';
import { ScimAccessService } from '@internal/backstage-plugin-scim-node';
import { ScimRolesPermissionPolicy } from './ScimRolesPermissionPolicy';

const read = createPermission({
  name: 'catalog.entity.read',
  attributes: { action: 'read' },
  resourceType: 'catalog-entity',
});
const remove = createPermission({
  name: 'catalog.entity.delete',
  attributes: { action: 'delete' },
  resourceType: 'catalog-entity',
});

const userOf = (userEntityRef: string): PolicyQueryUser => ({
  credentials: mockCredentials.user(userEntityRef),
  info: { userEntityRef, ownershipEntityRefs: [userEntityRef] },
});

describe('ScimRolesPermissionPolicy', () => {
  const access: ScimAccessService = {
    getUserAccess: async userEntityRef => {
      if (userEntityRef === 'user:default/broken') {
        throw new Error('SCIM backend down');
      }
      return {
        userEntityRef,
        active: true,
        manual: [],
        effective: [],
        unknown: [],
        permissions:
          userEntityRef === 'user:default/viewer'
            ? [{ resourceType: 'catalog-entity', action: 'read' }]
            : [],
      };
    },
  };
  const policy = new ScimRolesPermissionPolicy({
    access,
    logger: mockServices.logger.mock(),
    adminUsers: ['User:Default/Admin'],
  });
  const decide = async (permission: typeof read, user?: PolicyQueryUser) =>
    (await policy.handle({ permission }, user)).result;

  it('allows what the roles grant and denies the rest', async () => {
    const viewer = userOf('user:default/viewer');
    expect(await decide(read, viewer)).toBe(AuthorizeResult.ALLOW);
    expect(await decide(remove, viewer)).toBe(AuthorizeResult.DENY);
    expect(await decide(read, userOf('user:default/nobody'))).toBe(
      AuthorizeResult.DENY,
    );
  });

  it('allows the bootstrap admins everything, in any letter case', async () => {
    expect(await decide(remove, userOf('user:default/admin'))).toBe(
      AuthorizeResult.ALLOW,
    );
  });

  it('denies without a user and when the SCIM backend fails', async () => {
    expect(await decide(read)).toBe(AuthorizeResult.DENY);
    expect(await decide(read, userOf('user:default/broken'))).toBe(
      AuthorizeResult.DENY,
    );
  });
});
