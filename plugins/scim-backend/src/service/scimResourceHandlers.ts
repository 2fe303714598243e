import { Knex } from 'knex';
import {
  ScimResourceTable,
  StoredResource,
} from '../database/ScimResourceTable';
import { listResponse } from '../scim/discoveryDocuments';
import { filterToSql } from '../scim/filter/filterToSql';
import { parseScimFilter } from '../scim/filter/parseScimFilter';
import { parseListQuery } from '../scim/parseListQuery';
import {
  isAttributeReturned,
  parseAttributeSelection,
  projectAttributes,
} from '../scim/projectAttributes';
import { ScimResourceType } from '../scim/schema/resourceTypes';

type Query = Record<string, unknown>;

/**
 * Renders stored resources for a response. The related list (a group's
 * members, a user's groups) is loaded in one query, and only when the
 * selection returns it: Entra reads groups with `excludedAttributes=members`.
 */
export function createResourceRenderer<Related>(options: {
  resourceType: ScimResourceType;
  relation: string;
  loadRelated: (ids: string[]) => Promise<Map<string, Related>>;
  render: (
    stored: StoredResource,
    related: Related | undefined,
  ) => Record<string, unknown>;
}) {
  const { resourceType, relation, loadRelated, render } = options;
  return async (stored: StoredResource[], query: Query) => {
    const selection = parseAttributeSelection(resourceType, query);
    const related = isAttributeReturned(selection, relation)
      ? await loadRelated(stored.map(s => s.id))
      : undefined;
    return stored.map(s =>
      projectAttributes(render(s, related?.get(s.id)), selection),
    );
  };
}

/** A filtered, paged ListResponse (RFC 7644 §3.4.2). */
export async function listResources(options: {
  db: Knex;
  resourceType: ScimResourceType;
  table: ScimResourceTable;
  query: Query;
  maxResults: number;
  render: (stored: StoredResource[], query: Query) => Promise<unknown[]>;
}) {
  const { db, resourceType, table, query, maxResults, render } = options;
  const { filter, startIndex, count } = parseListQuery(query, maxResults);
  const where = filter
    ? filterToSql(db, resourceType, parseScimFilter(filter))
    : undefined;
  const page = await table.list({
    where,
    offset: startIndex - 1,
    limit: count,
  });
  // A first page that is not full already tells the total: no count query.
  const total =
    startIndex === 1 && page.length < count
      ? page.length
      : await table.count(where);
  return listResponse(await render(page, query), total, startIndex);
}
