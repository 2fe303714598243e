import { mockServices } from '@backstage/backend-test-utils';
import {
  Entity,
  GroupEntity,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  EntityProviderConnection,
  EntityProviderMutation,
} from '@backstage/plugin-catalog-node';
import {
  FeedChanges,
  FeedGroup,
  FeedPage,
  FeedUser,
} from '@internal/backstage-plugin-scim-common';
import { createHash } from 'crypto';
import { ScimProviderConfig } from './config';
import { ScimEntityProvider } from './ScimEntityProvider';
import { ScimFeedClient } from './ScimFeedClient';

/** An in-memory SCIM feed with the server's semantics, small pages and a call log. */
class FakeFeed implements ScimFeedClient {
  readonly users = new Map<string, FeedUser>();
  readonly groups = new Map<string, FeedGroup>();
  readonly calls: string[] = [];
  /** Cursors below this were pruned: reading from them answers `reset`. */
  prunedBefore = 0;
  private readonly log: Array<{ kind: 'user' | 'group'; id: string }> = [];
  private clock = 0;
  /** Called before each read, to pause or fail it. */
  beforeRead: (call: string) => Promise<void> = async () => {};

  constructor(
    private readonly pageSize = 2,
    private readonly changeLimit = 3,
  ) {}

  private now() {
    this.clock += 1;
    return new Date(Date.UTC(2024, 0, 1, 0, 0, this.clock)).toISOString();
  }

  putUser(id: string, patch: Partial<FeedUser> = {}) {
    const now = this.now();
    const previous = this.users.get(id);
    this.users.set(id, {
      id,
      userName: id,
      email: `${id}@example.com`,
      active: true,
      createdAt: previous?.createdAt ?? now,
      ...previous,
      ...patch,
      updatedAt: now,
    });
    this.log.push({ kind: 'user', id });
  }

  /** Like the SCIM backend: memberships go, only the user change is logged. */
  deleteUser(id: string) {
    this.users.delete(id);
    for (const group of this.groups.values()) {
      group.memberIds = group.memberIds.filter(m => m !== id);
    }
    this.log.push({ kind: 'user', id });
  }

  putGroup(id: string, patch: Partial<FeedGroup> = {}) {
    const now = this.now();
    const previous = this.groups.get(id);
    this.groups.set(id, {
      id,
      displayName: id,
      memberIds: [],
      createdAt: previous?.createdAt ?? now,
      ...previous,
      ...patch,
      updatedAt: now,
    });
    this.log.push({ kind: 'group', id });
  }

  deleteGroup(id: string) {
    this.groups.delete(id);
    this.log.push({ kind: 'group', id });
  }

  async getCursor() {
    await this.beforeRead('cursor');
    this.calls.push('cursor');
    return String(this.log.length);
  }

  async getUsers(after?: string) {
    await this.beforeRead('users');
    this.calls.push(`users:${after ?? ''}`);
    return this.page([...this.users.values()], after);
  }

  async getGroups(after?: string) {
    await this.beforeRead('groups');
    this.calls.push(`groups:${after ?? ''}`);
    return this.page([...this.groups.values()], after);
  }

  async getChanges(after: string): Promise<FeedChanges> {
    await this.beforeRead('changes');
    this.calls.push(`changes:${after}`);
    const from = Number(after);
    if (from < this.prunedBefore) {
      return {
        cursor: String(this.log.length),
        reset: true,
        more: false,
        users: [],
        deletedUserIds: [],
        groups: [],
        deletedGroupIds: [],
      };
    }
    const batch = this.log.slice(from, from + this.changeLimit);
    const ids = (kind: string) => [
      ...new Set(batch.filter(c => c.kind === kind).map(c => c.id)),
    ];
    return {
      cursor: String(from + batch.length),
      reset: false,
      more: from + batch.length < this.log.length,
      users: ids('user').flatMap(id => this.users.get(id) ?? []),
      deletedUserIds: ids('user').filter(id => !this.users.has(id)),
      groups: ids('group').flatMap(id => this.groups.get(id) ?? []),
      deletedGroupIds: ids('group').filter(id => !this.groups.has(id)),
    };
  }

  private page<T extends { id: string }>(
    all: T[],
    after?: string,
  ): FeedPage<T> {
    const items = all
      .filter(item => item.id > (after ?? ''))
      .sort((a, b) => (a.id < b.id ? -1 : 1))
      .slice(0, this.pageSize);
    return items.length === this.pageSize
      ? { items: structuredClone(items), next: items[items.length - 1].id }
      : { items: structuredClone(items) };
  }
}

/** Records mutations and keeps what the catalog would hold from this provider. */
class RecordingConnection implements EntityProviderConnection {
  readonly mutations: EntityProviderMutation[] = [];
  readonly entities = new Map<string, Entity>();
  fail = false;

  async applyMutation(mutation: EntityProviderMutation) {
    if (this.fail) {
      throw new Error('catalog unavailable');
    }
    this.mutations.push(structuredClone(mutation));
    if (mutation.type === 'full') {
      this.entities.clear();
      mutation.entities.forEach(e =>
        this.entities.set(stringifyEntityRef(e.entity), e.entity),
      );
      return;
    }
    const addedRefs = mutation.added.map(e => stringifyEntityRef(e.entity));
    const removedRefs = mutation.removed.map(r =>
      'entityRef' in r ? r.entityRef : stringifyEntityRef(r.entity),
    );
    // The catalog would delete such a ref after deciding to update it.
    if (removedRefs.some(ref => addedRefs.includes(ref))) {
      throw new Error('a ref is both added and removed');
    }
    removedRefs.forEach(ref => this.entities.delete(ref));
    mutation.added.forEach(e =>
      this.entities.set(stringifyEntityRef(e.entity), e.entity),
    );
  }

  async refresh() {}

  refs() {
    return [...this.entities.keys()].sort();
  }

  members(groupRef: string) {
    return (this.entities.get(groupRef) as GroupEntity | undefined)?.spec
      .members;
  }

  last() {
    return this.mutations[this.mutations.length - 1];
  }
}

const LOCATION_KEY = 'scim-provider:default';

const config = (
  patch: Partial<ScimProviderConfig> = {},
): ScimProviderConfig => ({
  id: 'default',
  namespace: 'default',
  users: { nameFrom: 'userName', inactive: 'remove' },
  groups: { nameFrom: 'displayName', type: 'team' },
  schedule: { frequency: { minutes: 30 }, timeout: { minutes: 10 } },
  pollInterval: { seconds: 2 },
  ...patch,
});

const hex6 = (id: string) =>
  createHash('sha256').update(id).digest('hex').slice(0, 6);

describe('ScimEntityProvider', () => {
  let feed: FakeFeed;
  let connection: RecordingConnection;
  let logger: ReturnType<typeof mockServices.logger.mock>;
  let scheduler: ReturnType<typeof mockServices.scheduler.mock>;
  let events: ReturnType<typeof mockServices.events.mock>;

  const connect = async (patch: Partial<ScimProviderConfig> = {}) => {
    const provider = new ScimEntityProvider({
      config: config(patch),
      client: feed,
      locationRef: 'scim:http://localhost/api/scim/v2',
      logger,
      events,
      scheduler,
    });
    await provider.connect(connection);
    return provider;
  };

  beforeEach(() => {
    feed = new FakeFeed();
    connection = new RecordingConnection();
    logger = mockServices.logger.mock();
    scheduler = mockServices.scheduler.mock();
    events = mockServices.events.mock();
    feed.putUser('alice');
    feed.putUser('bob');
    feed.putUser('carol', { active: false });
    feed.putUser('dave');
    feed.putUser('erin');
    feed.putGroup('devs', { memberIds: ['alice', 'bob', 'carol'] });
    feed.putGroup('ops', { memberIds: ['dave'] });
  });

  it('is named after its id', async () => {
    expect((await connect()).getProviderName()).toBe(
      'ScimEntityProvider:default',
    );
  });

  it('starts with a full read: cursor first, all pages, active users only', async () => {
    const provider = await connect();
    await provider.refresh();

    expect(feed.calls).toEqual([
      'cursor',
      'users:',
      'users:bob',
      'users:dave',
      'groups:',
      'groups:ops',
    ]);
    expect(connection.mutations).toHaveLength(1);
    const mutation = connection.last();
    expect(mutation.type).toBe('full');
    expect(
      mutation.type === 'full' && mutation.entities.map(e => e.locationKey),
    ).toEqual(Array(6).fill(LOCATION_KEY));
    expect(connection.refs()).toEqual([
      'group:default/devs',
      'group:default/ops',
      'user:default/alice',
      'user:default/bob',
      'user:default/dave',
      'user:default/erin',
    ]);
    expect(connection.members('group:default/devs')).toEqual([
      'user:default/alice',
      'user:default/bob',
    ]);
  });

  it('then emits only what changed, as one delta, and nothing when nothing did', async () => {
    const provider = await connect();
    await provider.refresh();
    feed.calls.length = 0;

    await provider.refresh();
    expect(feed.calls).toEqual(['changes:7']);
    expect(connection.mutations).toHaveLength(1);

    feed.putUser('erin', { displayName: 'Erin E' });
    feed.putUser('alice'); // touched, renders the same
    await provider.refresh();
    expect(connection.mutations).toHaveLength(2);
    expect(connection.last()).toEqual({
      type: 'delta',
      added: [{ entity: expect.anything(), locationKey: LOCATION_KEY }],
      removed: [],
    });
    expect(
      connection.entities.get('user:default/erin')?.spec?.profile,
    ).toMatchObject({ displayName: 'Erin E' });
  });

  it('reads all pages of changes before emitting one delta', async () => {
    const provider = await connect();
    await provider.refresh();
    for (const id of ['f1', 'f2', 'f3', 'f4', 'f5', 'f6', 'f7']) {
      feed.putUser(id);
    }
    feed.calls.length = 0;
    await provider.refresh();
    expect(feed.calls).toEqual(['changes:7', 'changes:10', 'changes:13']);
    expect(connection.mutations).toHaveLength(2);
    const delta = connection.last();
    expect(delta.type === 'delta' && delta.added).toHaveLength(7);

    await provider.refresh();
    expect(feed.calls.pop()).toBe('changes:14');
  });

  it('renames: removes the old ref and updates the groups in the same delta', async () => {
    const provider = await connect();
    await provider.refresh();
    feed.putUser('alice', { userName: 'alicia' });
    await provider.refresh();

    const delta = connection.last();
    expect(delta.type).toBe('delta');
    expect(delta.type === 'delta' && delta.removed).toEqual([
      { entityRef: 'user:default/alice', locationKey: LOCATION_KEY },
    ]);
    expect(
      delta.type === 'delta' &&
        delta.added.map(e => stringifyEntityRef(e.entity)).sort(),
    ).toEqual(['group:default/devs', 'user:default/alicia']);
    expect(connection.members('group:default/devs')).toEqual([
      'user:default/alicia',
      'user:default/bob',
    ]);
  });

  it('renames a group without leaving the old one behind', async () => {
    const provider = await connect();
    await provider.refresh();
    feed.putGroup('ops', { displayName: 'Operations' });
    await provider.refresh();
    expect(connection.refs()).toContain('group:default/operations');
    expect(connection.refs()).not.toContain('group:default/ops');
  });

  it('deactivation removes the user and takes it out of its groups', async () => {
    const provider = await connect();
    await provider.refresh();
    feed.putUser('bob', { active: false });
    await provider.refresh();

    expect(connection.refs()).not.toContain('user:default/bob');
    expect(connection.members('group:default/devs')).toEqual([
      'user:default/alice',
    ]);

    feed.putUser('bob', { active: true });
    feed.putUser('carol', { active: true });
    await provider.refresh();
    expect(connection.members('group:default/devs')).toEqual([
      'user:default/alice',
      'user:default/bob',
      'user:default/carol',
    ]);
  });

  it('keeps deactivated users, annotated and in their groups, in keep mode', async () => {
    const provider = await connect({
      users: { nameFrom: 'userName', inactive: 'keep' },
    });
    await provider.refresh();
    expect(
      connection.entities.get('user:default/carol')?.metadata.annotations?.[
        'scim.backstage.io/active'
      ],
    ).toBe('false');
    expect(connection.members('group:default/devs')).toContain(
      'user:default/carol',
    );

    feed.putUser('bob', { active: false });
    await provider.refresh();
    const delta = connection.last();
    expect(
      delta.type === 'delta' &&
        delta.added.map(e => stringifyEntityRef(e.entity)),
    ).toEqual(['user:default/bob']);
    expect(
      connection.entities.get('user:default/bob')?.metadata.annotations?.[
        'scim.backstage.io/active'
      ],
    ).toBe('false');
  });

  it('deletes users (out of their groups too) and groups', async () => {
    const provider = await connect();
    await provider.refresh();
    feed.deleteUser('alice');
    feed.deleteGroup('ops');
    await provider.refresh();

    const delta = connection.last();
    expect(
      delta.type === 'delta' &&
        delta.removed.map(r => 'entityRef' in r && r.entityRef).sort(),
    ).toEqual(['group:default/ops', 'user:default/alice']);
    expect(connection.members('group:default/devs')).toEqual([
      'user:default/bob',
    ]);
  });

  it('gives a colliding name to the oldest, moving the others deterministically', async () => {
    const provider = await connect({
      users: { nameFrom: 'localPart', inactive: 'remove' },
    });
    feed.putUser('zed', { email: 'frank@other.example' });
    await provider.refresh();
    expect(connection.refs()).toContain('user:default/frank');

    // An older user renamed into the name takes it; the younger holder moves.
    feed.putUser('bob', { email: 'frank@third.example' });
    await provider.refresh();
    const zedRef = `user:default/frank-${hex6('zed')}`;
    expect(connection.refs().filter(r => r.startsWith('user:'))).toEqual(
      [
        'user:default/alice',
        'user:default/dave',
        'user:default/erin',
        'user:default/frank',
        zedRef,
      ].sort(),
    );
    const idOf = (ref: string) =>
      connection.entities.get(ref)?.metadata.annotations?.[
        'scim.backstage.io/id'
      ];
    expect(idOf('user:default/frank')).toBe('bob');
    expect(idOf(zedRef)).toBe('zed');
    expect(connection.members('group:default/devs')).toEqual([
      'user:default/alice',
      'user:default/frank',
    ]);

    // The holder leaves: the next oldest gets the plain name back.
    feed.deleteUser('bob');
    await provider.refresh();
    expect(connection.refs()).not.toContain(zedRef);
    expect(idOf('user:default/frank')).toBe('zed');
    expect(connection.members('group:default/devs')).toEqual([
      'user:default/alice',
    ]);
  });

  it('reads everything again when the feed says reset', async () => {
    const provider = await connect();
    await provider.refresh();
    feed.putUser('frank');
    feed.prunedBefore = 8;
    feed.calls.length = 0;
    await provider.refresh();

    expect(feed.calls.slice(0, 2)).toEqual(['changes:7', 'cursor']);
    expect(connection.last().type).toBe('full');
    expect(connection.refs()).toContain('user:default/frank');
  });

  it('retries what the catalog did not accept', async () => {
    const provider = await connect();
    await provider.refresh();
    feed.putUser('alice', { userName: 'alicia' });
    connection.fail = true;
    await expect(provider.refresh()).rejects.toThrow('catalog unavailable');

    connection.fail = false;
    await provider.refresh();
    expect(feed.calls.filter(c => c.startsWith('changes'))).toEqual([
      'changes:7',
      'changes:7',
    ]);
    expect(connection.refs()).toContain('user:default/alicia');
    expect(connection.refs()).not.toContain('user:default/alice');
  });

  it('never overlaps runs, and joins a refresh that is still waiting', async () => {
    const provider = await connect();
    let active = 0;
    let maxActive = 0;
    let release!: () => void;
    const gate = new Promise<void>(resolve => {
      release = resolve;
    });
    let started!: () => void;
    const firstStarted = new Promise<void>(resolve => {
      started = resolve;
    });
    feed.beforeRead = async () => {
      started();
      active += 1;
      maxActive = Math.max(maxActive, active);
      await gate;
      active -= 1;
    };

    const first = provider.refresh();
    expect(provider.refresh()).toBe(first);
    await firstStarted;
    const full = provider.reconcile();
    const second = provider.refresh();
    const third = provider.refresh();
    expect(third).toBe(second);
    expect(second).not.toBe(first);

    release();
    await Promise.all([first, full, second, third]);
    expect(maxActive).toBe(1);
    expect(connection.mutations.map(m => m.type)).toEqual(['full', 'full']);
    expect(feed.calls.filter(c => c.startsWith('changes'))).toEqual([
      'changes:7',
    ]);
  });

  it('refreshes on scim.changed and on the poll, runs the full on its schedule, and logs a failure streak once', async () => {
    await connect();
    expect(events.subscribe).toHaveBeenCalledWith({
      id: 'catalog-scim-provider',
      topics: ['scim.changed'],
      onEvent: expect.any(Function),
    });
    const tasks = scheduler.scheduleTask.mock.calls.map(([task]) => task);
    expect(tasks).toEqual([
      expect.objectContaining({
        id: 'ScimEntityProvider:default:reconcile',
        frequency: { minutes: 30 },
        timeout: { minutes: 10 },
      }),
      expect.objectContaining({
        id: 'ScimEntityProvider:default:poll',
        scope: 'local',
        frequency: { seconds: 2 },
      }),
    ]);
    const [reconcile, poll] = tasks;
    const { onEvent } = events.subscribe.mock.calls[0][0];

    await poll.fn(new AbortController().signal);
    expect(connection.last().type).toBe('full');

    feed.putUser('frank');
    await onEvent({ topic: 'scim.changed', eventPayload: {} });
    expect(connection.last().type).toBe('delta');
    expect(connection.refs()).toContain('user:default/frank');

    await reconcile.fn(new AbortController().signal);
    expect(connection.mutations.map(m => m.type)).toEqual([
      'full',
      'delta',
      'full',
    ]);

    feed.beforeRead = async () => {
      throw new Error('scim is down');
    };
    await expect(
      poll.fn(new AbortController().signal),
    ).resolves.toBeUndefined();
    await expect(
      reconcile.fn(new AbortController().signal),
    ).resolves.toBeUndefined();
    expect(logger.error).toHaveBeenCalledTimes(1);
    expect(logger.error).toHaveBeenCalledWith(
      expect.stringContaining(
        'refresh failed, will retry: Error: scim is down',
      ),
    );
    expect(logger.debug).toHaveBeenCalledWith(
      expect.stringContaining('full reconcile failed'),
    );

    feed.beforeRead = async () => {};
    await poll.fn(new AbortController().signal);
    expect(logger.info).toHaveBeenCalledWith(
      'ScimEntityProvider:default recovered',
    );
  });
});
