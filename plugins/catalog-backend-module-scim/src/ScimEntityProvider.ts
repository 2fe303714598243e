import { LoggerService, SchedulerService } from '@backstage/backend-plugin-api';
import { stringifyError } from '@backstage/errors';
import {
  EntityProvider,
  EntityProviderConnection,
} from '@backstage/plugin-catalog-node';
import { EventsService } from '@backstage/plugin-events-node';
import {
  FeedPage,
  SCIM_CHANGED_TOPIC,
} from '@internal/backstage-plugin-scim-common';
import { ScimProviderConfig } from './config';
import { ScimEntityState } from './ScimEntityState';
import { ScimFeedClient } from './ScimFeedClient';

export interface ScimEntityProviderOptions {
  config: ScimProviderConfig;
  client: ScimFeedClient;
  /** `scim:<external base url of the SCIM plugin>/v2`, for the location annotations. */
  locationRef: string;
  logger: LoggerService;
  events: EventsService;
  scheduler: SchedulerService;
}

async function readPages<T>(
  read: (after?: string) => Promise<FeedPage<T>>,
): Promise<T[]> {
  const items: T[] = [];
  let after: string | undefined;
  do {
    const page = await read(after);
    items.push(...page.items);
    after = page.next;
  } while (after !== undefined);
  return items;
}

/**
 * Emits the users and groups of the SCIM plugin as User and Group entities.
 *
 * A full read (cursor first, then every user and group) builds the in-memory
 * state and replaces everything this provider emitted. Afterwards each
 * `scim.changed` event and each poll tick reads the change feed from the
 * cursor and emits one delta with what rendered differently. The feed holds
 * current states, so deltas are idempotent; the periodic full is
 * authoritative. Runs never overlap.
 */
export class ScimEntityProvider implements EntityProvider {
  private connection?: EntityProviderConnection;
  private state?: ScimEntityState;
  private cursor?: string;
  private queue: Promise<void> = Promise.resolve();
  private queuedDelta?: Promise<void>;
  private failing = false;

  constructor(private readonly options: ScimEntityProviderOptions) {}

  getProviderName(): string {
    return `ScimEntityProvider:${this.options.config.id}`;
  }

  private get locationKey() {
    return `scim-provider:${this.options.config.id}`;
  }

  async connect(connection: EntityProviderConnection): Promise<void> {
    this.connection = connection;
    const { config, events, scheduler } = this.options;
    await events.subscribe({
      id: 'catalog-scim-provider',
      topics: [SCIM_CHANGED_TOPIC],
      onEvent: () => this.logFailure('refresh', () => this.refresh()),
    });
    await scheduler.scheduleTask({
      id: `${this.getProviderName()}:reconcile`,
      ...config.schedule,
      fn: () => this.logFailure('full reconcile', () => this.reconcile()),
    });
    // Events reach only the instance that handled the SCIM write (or one
    // subscriber per id with an event bus); every instance polls.
    await scheduler.scheduleTask({
      id: `${this.getProviderName()}:poll`,
      scope: 'local',
      frequency: config.pollInterval,
      timeout: config.schedule.timeout,
      fn: () => this.logFailure('refresh', () => this.refresh()),
    });
  }

  /**
   * Emits what changed since the cursor as one delta (a full read when there
   * is no cursor yet or the feed was reset). A call while a refresh waits to
   * run joins that one, which will read the newer changes anyway.
   */
  refresh(): Promise<void> {
    if (!this.queuedDelta) {
      this.queuedDelta = this.enqueue(() => {
        this.queuedDelta = undefined;
        return this.applyChanges();
      });
    }
    return this.queuedDelta;
  }

  /** Reads everything and replaces what this provider emitted. */
  reconcile(): Promise<void> {
    return this.enqueue(() => this.applyFull());
  }

  private enqueue(task: () => Promise<void>): Promise<void> {
    const run = this.queue.then(task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Logs the first failure of a streak as an error, so a SCIM outage does not log every poll. */
  private async logFailure(what: string, run: () => Promise<void>) {
    const { logger } = this.options;
    try {
      await run();
      if (this.failing) {
        this.failing = false;
        logger.info(`${this.getProviderName()} recovered`);
      }
    } catch (error) {
      const message = `${this.getProviderName()} ${what} failed, will retry: ${stringifyError(
        error,
      )}`;
      if (this.failing) {
        logger.debug(message);
      } else {
        logger.error(message);
      }
      this.failing = true;
    }
  }

  private requireConnection(): EntityProviderConnection {
    if (!this.connection) {
      throw new Error(`${this.getProviderName()} is not connected`);
    }
    return this.connection;
  }

  private async applyFull() {
    const connection = this.requireConnection();
    const { client, config, locationRef, logger } = this.options;
    // Read first: writes during the read come again as changes after it.
    const cursor = await client.getCursor();
    const users = await readPages(after => client.getUsers(after));
    const groups = await readPages(after => client.getGroups(after));

    const state = new ScimEntityState(config, locationRef);
    state.apply({ users, groups, deletedUserIds: [], deletedGroupIds: [] });
    const plan = state.plan();
    await connection.applyMutation({
      type: 'full',
      entities: plan.added.map(entity => ({
        entity,
        locationKey: this.locationKey,
      })),
    });
    plan.commit();
    this.state = state;
    this.cursor = cursor;
    logger.info(
      `${this.getProviderName()} read ${users.length} users and ${
        groups.length
      } groups, emitted ${plan.added.length} entities`,
    );
  }

  private async applyChanges() {
    const { state } = this;
    let cursor = this.cursor;
    if (!state || cursor === undefined) {
      await this.applyFull();
      return;
    }
    const connection = this.requireConnection();
    const { client, logger } = this.options;

    let more = true;
    while (more) {
      const changes = await client.getChanges(cursor);
      if (changes.reset) {
        logger.info(
          `${this.getProviderName()} is behind the retained changes, reading everything`,
        );
        await this.applyFull();
        return;
      }
      state.apply(changes);
      // Stop if the cursor does not move, rather than loop forever.
      more = changes.more && changes.cursor !== cursor;
      cursor = changes.cursor;
    }

    const plan = state.plan();
    if (plan.added.length || plan.removed.length) {
      await connection.applyMutation({
        type: 'delta',
        added: plan.added.map(entity => ({
          entity,
          locationKey: this.locationKey,
        })),
        removed: plan.removed.map(entityRef => ({
          entityRef,
          locationKey: this.locationKey,
        })),
      });
      logger.info(
        `${this.getProviderName()} emitted ${
          plan.added.length
        } changed and removed ${plan.removed.length} entities`,
      );
    }
    plan.commit();
    this.cursor = cursor;
  }
}
