import {
  FieldFormatEntityPolicy,
  groupEntityV1alpha1Validator,
  userEntityV1alpha1Validator,
} from '@backstage/catalog-model';
import { FeedGroup, FeedUser } from '@internal/backstage-plugin-scim-common';
import { toGroupEntity, toUserEntity } from './transformers';

const context = {
  namespace: 'default',
  locationRef: 'scim:https://backstage.example.com/api/scim/v2',
};

const user: FeedUser = {
  id: 'u-1',
  externalId: 'alice',
  userName: 'alice@example.com',
  displayName: 'Alice Smith',
  givenName: 'Alice',
  familyName: 'Smith',
  email: 'alice@example.com',
  picture: 'https://example.com/alice.png',
  active: true,
  createdAt: '2024-01-01T00:00:00.000Z',
  updatedAt: '2024-01-02T00:00:00.000Z',
};

const group: FeedGroup = {
  id: 'g-1',
  externalId: 'f1e2d3c4',
  displayName: 'Platform Team',
  memberIds: ['u-1', 'u-2'],
  createdAt: '2024-01-01T00:00:00.000Z',
  updatedAt: '2024-01-02T00:00:00.000Z',
};

const location = {
  'backstage.io/managed-by-location': context.locationRef,
  'backstage.io/managed-by-origin-location': context.locationRef,
};
const labels = { 'scim.backstage.io/managed-by': 'identity-provider' };

describe('toUserEntity', () => {
  it('renders an active user with every annotation', () => {
    expect(toUserEntity(user, 'alice', context)).toEqual({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'User',
      metadata: {
        name: 'alice',
        namespace: 'default',
        annotations: {
          ...location,
          'scim.backstage.io/id': 'u-1',
          'scim.backstage.io/external-id': 'alice',
          'scim.backstage.io/user-name': 'alice@example.com',
          'microsoft.com/email': 'alice@example.com',
        },
        labels,
      },
      spec: {
        profile: {
          displayName: 'Alice Smith',
          email: 'alice@example.com',
          picture: 'https://example.com/alice.png',
        },
        memberOf: [],
      },
    });
  });

  it('leaves out what is not given and marks an inactive user', () => {
    const entity = toUserEntity(
      {
        id: 'u-2',
        userName: 'bob',
        active: false,
        createdAt: user.createdAt,
        updatedAt: user.updatedAt,
      },
      'bob',
      context,
    );
    expect(entity.metadata.annotations).toEqual({
      ...location,
      'scim.backstage.io/id': 'u-2',
      'scim.backstage.io/user-name': 'bob',
      'scim.backstage.io/active': 'false',
    });
    expect(entity.spec).toEqual({ profile: {}, memberOf: [] });
  });

  it('builds the display name from given and family name when missing', () => {
    const entity = toUserEntity(
      { ...user, displayName: undefined, givenName: undefined },
      'alice',
      context,
    );
    expect(entity.spec.profile?.displayName).toBe('Smith');
  });
});

describe('toGroupEntity', () => {
  it('renders a group with its members, sorted', () => {
    expect(
      toGroupEntity(
        group,
        {
          name: 'platform_team',
          type: 'team',
          memberRefs: ['user:default/zoe', 'user:default/alice'],
        },
        context,
      ),
    ).toEqual({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: {
        name: 'platform_team',
        namespace: 'default',
        annotations: {
          ...location,
          'scim.backstage.io/id': 'g-1',
          'scim.backstage.io/external-id': 'f1e2d3c4',
        },
        labels,
      },
      spec: {
        type: 'team',
        profile: { displayName: 'Platform Team' },
        children: [],
        members: ['user:default/alice', 'user:default/zoe'],
      },
    });
  });
});

describe('rendered entities', () => {
  it('pass the catalog schemas and field format checks', async () => {
    const users = [
      toUserEntity(user, 'alice', context),
      toUserEntity({ ...user, active: false, email: undefined }, 'a', context),
    ];
    const groups = [
      toGroupEntity(
        { ...group, externalId: undefined },
        { name: 'g', type: 'team', memberRefs: [] },
        context,
      ),
    ];
    const policy = new FieldFormatEntityPolicy();
    for (const entity of users) {
      await expect(userEntityV1alpha1Validator.check(entity)).resolves.toBe(
        true,
      );
      await expect(policy.enforce(entity)).resolves.toBe(entity);
    }
    for (const entity of groups) {
      await expect(groupEntityV1alpha1Validator.check(entity)).resolves.toBe(
        true,
      );
      await expect(policy.enforce(entity)).resolves.toBe(entity);
    }
  });
});
