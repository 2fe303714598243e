import {
  Entity,
  GroupEntity,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { FeedGroup, FeedUser } from '@internal/backstage-plugin-scim-common';
import { createHash } from 'crypto';
import { ScimEntityState } from './ScimEntityState';

const user = (id: string, patch: Partial<FeedUser> = {}): FeedUser => ({
  id,
  userName: id,
  active: true,
  createdAt: '2024-01-01T00:00:00.000Z',
  updatedAt: '2024-01-01T00:00:00.000Z',
  ...patch,
});

const group = (id: string, memberIds: string[]): FeedGroup => ({
  id,
  displayName: id,
  memberIds,
  createdAt: '2024-01-01T00:00:00.000Z',
  updatedAt: '2024-01-01T00:00:00.000Z',
});

const changes = (users: FeedUser[], groups: FeedGroup[] = []) => ({
  users,
  groups,
  deletedUserIds: [],
  deletedGroupIds: [],
});

const newState = () =>
  new ScimEntityState(
    {
      namespace: 'entra',
      users: { nameFrom: 'userName', inactive: 'remove' },
      groups: { nameFrom: 'displayName', type: 'team' },
    },
    'scim:http://localhost/api/scim/v2',
  );

const refs = (plan: { added: Entity[] }) =>
  plan.added.map(e => stringifyEntityRef(e)).sort();

describe('ScimEntityState', () => {
  it('plans every entity once, in its namespace, then nothing', () => {
    const state = newState();
    state.apply(
      changes(
        [user('a'), user('b', { active: false })],
        [group('g', ['a', 'b'])],
      ),
    );
    const plan = state.plan();
    expect(refs(plan)).toEqual(['group:entra/g', 'user:entra/a']);
    expect(plan.removed).toEqual([]);
    plan.commit();

    expect(state.plan().added).toEqual([]);
    state.apply(changes([user('a', { updatedAt: '2025-01-01T00:00:00Z' })]));
    expect(state.plan()).toMatchObject({ added: [], removed: [] });
  });

  it('plans the same again until committed', () => {
    const state = newState();
    state.apply(changes([user('a')]));
    state.plan().commit();

    state.apply(changes([user('a', { userName: 'b' })]));
    const failed = state.plan();
    expect(refs(failed)).toEqual(['user:entra/b']);
    expect(failed.removed).toEqual(['user:entra/a']);

    const retried = state.plan();
    expect(refs(retried)).toEqual(['user:entra/b']);
    expect(retried.removed).toEqual(['user:entra/a']);
    retried.commit();
    expect(state.plan()).toMatchObject({ added: [], removed: [] });
  });

  it('replaces rather than removes a ref that moves to another resource', () => {
    const state = newState();
    state.apply(
      changes([user('1', { userName: 'x' }), user('2', { userName: 'y' })]),
    );
    state.plan().commit();

    state.apply(
      changes([user('1', { userName: 'y' }), user('2', { userName: 'x' })]),
    );
    const plan = state.plan();
    expect(plan.removed).toEqual([]);
    expect(refs(plan)).toEqual(['user:entra/x', 'user:entra/y']);
  });

  it('moves a younger holder when an older user is renamed into its name, also on a retry', () => {
    const state = newState();
    state.apply(
      changes([
        user('old', { userName: 'a' }),
        user('young', { userName: 'b', createdAt: '2024-06-01T00:00:00Z' }),
      ]),
    );
    state.plan().commit();

    state.apply(changes([user('old', { userName: 'b' })]));
    state.plan(); // the catalog did not accept it
    const retried = state.plan();
    const hex6 = createHash('sha256').update('young').digest('hex').slice(0, 6);
    expect(refs(retried)).toEqual(['user:entra/b', `user:entra/b-${hex6}`]);
    expect(retried.removed).toEqual(['user:entra/a']);
  });

  it('adds a member to its group once the user arrives', () => {
    const state = newState();
    state.apply(changes([], [group('g', ['late'])]));
    state.plan().commit();

    state.apply(changes([user('late')]));
    const plan = state.plan();
    expect(refs(plan)).toEqual(['group:entra/g', 'user:entra/late']);
    const g = plan.added.find(e => e.kind === 'Group') as GroupEntity;
    expect(g.spec.members).toEqual(['user:entra/late']);
  });
});
