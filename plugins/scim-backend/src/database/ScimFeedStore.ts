import {
  FeedChanges,
  FeedGroup,
  FeedPage,
  FeedUser,
} from '@internal/backstage-plugin-scim-common';
import { Knex } from 'knex';
import { chunks, chunkSize } from './dbUtils';
import { ResourceRow, toStoredResource } from './ScimResourceTable';

type Emails = Array<{ value?: string; type?: string; primary?: boolean }>;

/** Primary email, else the work one, else the first. */
function pickEmail(emails: Emails | undefined): string | undefined {
  return (
    emails?.find(e => e.primary) ??
    emails?.find(e => e.type === 'work') ??
    emails?.[0]
  )?.value;
}

function toFeedUser(row: ResourceRow): FeedUser {
  const { attributes: a, createdAt, updatedAt } = toStoredResource(row);
  const name = a.name as
    | { givenName?: string; familyName?: string }
    | undefined;
  const photos = a.photos as Array<{ value?: string }> | undefined;
  return {
    id: row.id,
    externalId: a.externalId as string | undefined,
    userName: a.userName as string,
    displayName: a.displayName as string | undefined,
    givenName: name?.givenName,
    familyName: name?.familyName,
    email: pickEmail(a.emails as Emails | undefined),
    picture: photos?.[0]?.value,
    active: a.active !== false,
    createdAt,
    updatedAt,
  };
}

/** Changes older than this are pruned; a reader further behind reads everything again. */
export const FEED_RETENTION_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * Reads for the catalog module: keyset pages of all users and groups, and
 * the current state of whatever changed after a cursor (`scim_changes.seq`).
 */
export class ScimFeedStore {
  constructor(private readonly db: Knex) {}

  async cursor(): Promise<string> {
    const [{ max }] = await this.db('scim_changes').max({ max: 'seq' });
    return String(max ?? 0);
  }

  async users(
    after: string | undefined,
    limit: number,
  ): Promise<FeedPage<FeedUser>> {
    const rows: ResourceRow[] = await this.db('scim_users')
      .where('id', '>', after ?? '')
      .orderBy('id')
      .limit(limit)
      .select('*');
    return page(rows.map(toFeedUser), limit);
  }

  async groups(
    after: string | undefined,
    limit: number,
  ): Promise<FeedPage<FeedGroup>> {
    const rows: ResourceRow[] = await this.db('scim_groups')
      .where('id', '>', after ?? '')
      .orderBy('id')
      .limit(limit)
      .select('*');
    return page(await this.withMembers(rows), limit);
  }

  async changes(after: string, limit: number): Promise<FeedChanges> {
    const afterSeq = Number(after);
    const [{ min, max }] = await this.db('scim_changes')
      .min({ min: 'seq' })
      .max({ max: 'seq' });
    // Pruning always keeps the newest row, so a gap before `min` means the reader fell behind.
    const reset =
      !Number.isInteger(afterSeq) ||
      afterSeq > Number(max ?? 0) ||
      (min !== null && afterSeq + 1 < Number(min));
    if (reset) {
      return {
        cursor: String(max ?? 0),
        reset: true,
        more: false,
        users: [],
        deletedUserIds: [],
        groups: [],
        deletedGroupIds: [],
      };
    }
    const rows: Array<{
      seq: string | number;
      kind: string;
      resource_id: string;
    }> = await this.db('scim_changes')
      .where('seq', '>', afterSeq)
      .orderBy('seq')
      .limit(limit + 1)
      .select('seq', 'kind', 'resource_id');
    const more = rows.length > limit;
    const batch = rows.slice(0, limit);
    const idsOf = (kind: string) => [
      ...new Set(batch.filter(r => r.kind === kind).map(r => r.resource_id)),
    ];
    const userIds = idsOf('user');
    const groupIds = idsOf('group');
    const users = (await this.rowsByIds('scim_users', userIds)).map(toFeedUser);
    const groups = await this.withMembers(
      await this.rowsByIds('scim_groups', groupIds),
    );
    const missing = (ids: string[], found: Array<{ id: string }>) => {
      const present = new Set(found.map(f => f.id));
      return ids.filter(id => !present.has(id));
    };
    return {
      cursor: String(batch.length ? batch[batch.length - 1].seq : afterSeq),
      reset: false,
      more,
      users,
      deletedUserIds: missing(userIds, users),
      groups,
      deletedGroupIds: missing(groupIds, groups),
    };
  }

  /** Deletes changes older than the retention, always keeping the newest. */
  async prune(now: Date = new Date()): Promise<number> {
    const cutoff = new Date(now.getTime() - FEED_RETENTION_MS).toISOString();
    const [{ max }] = await this.db('scim_changes').max({ max: 'seq' });
    return this.db('scim_changes')
      .where('created_at', '<', cutoff)
      .andWhere('seq', '<', Number(max ?? 0))
      .delete();
  }

  private async rowsByIds(
    table: string,
    ids: string[],
  ): Promise<ResourceRow[]> {
    const rows: ResourceRow[] = [];
    for (const chunk of chunks(ids, chunkSize(this.db))) {
      rows.push(...(await this.db(table).whereIn('id', chunk).select('*')));
    }
    return rows;
  }

  private async withMembers(rows: ResourceRow[]): Promise<FeedGroup[]> {
    const members = new Map<string, string[]>(rows.map(r => [r.id, []]));
    for (const chunk of chunks(
      rows.map(r => r.id),
      chunkSize(this.db),
    )) {
      const memberRows: Array<{ group_id: string; user_id: string }> =
        await this.db('scim_group_members')
          .whereIn('group_id', chunk)
          .select('group_id', 'user_id');
      memberRows.forEach(m => members.get(m.group_id)!.push(m.user_id));
    }
    return rows.map(row => {
      const { attributes, createdAt, updatedAt } = toStoredResource(row);
      return {
        id: row.id,
        externalId: attributes.externalId as string | undefined,
        displayName: attributes.displayName as string,
        memberIds: members.get(row.id)!,
        createdAt,
        updatedAt,
      };
    });
  }
}

function page<T extends { id: string }>(
  items: T[],
  limit: number,
): FeedPage<T> {
  return items.length === limit
    ? { items, next: items[items.length - 1].id }
    : { items };
}
