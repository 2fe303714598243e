import Router from 'express-promise-router';
import { Knex } from 'knex';
import { ScimUserStore } from '../database/ScimUserStore';
import { listResponse } from '../scim/discoveryDocuments';
import { filterToKnex } from '../scim/filter/filterToKnex';
import { parseScimFilter } from '../scim/filter/parseScimFilter';
import { parseListQuery } from '../scim/parseListQuery';
import { applyAttributeOperations } from '../scim/patch/applyAttributeOperations';
import { parsePatchRequest } from '../scim/patch/parsePatchRequest';
import {
  isAttributeReturned,
  parseAttributeSelection,
  projectAttributes,
} from '../scim/projectAttributes';
import { renderUser } from '../scim/renderResource';
import { ScimError } from '../scim/ScimError';
import { normalizeResource } from '../scim/schema/normalizeResource';
import { userResourceType } from '../scim/schema/resourceTypes';
import { StoredResource } from '../database/ScimResourceTable';
import { methodNotAllowed, sendScim } from './scimResponse';

export interface ScimUserRoutesOptions {
  db: Knex;
  baseUrl: string;
  maxResults: number;
}

/** `/Users` and `/Users/{id}` of RFC 7644 §3. */
export function scimUserRoutes(options: ScimUserRoutesOptions) {
  const { db, baseUrl, maxResults } = options;
  const users = new ScimUserStore(db);
  const router = Router();

  /** Renders users with their groups, loaded in one query and only when returned. */
  const render = async (
    stored: StoredResource[],
    query: Record<string, unknown>,
  ) => {
    const selection = parseAttributeSelection(userResourceType, query);
    const groups = isAttributeReturned(selection, 'groups')
      ? await users.groupsOf(stored.map(u => u.id))
      : undefined;
    return stored.map(user =>
      projectAttributes(
        renderUser(user, groups?.get(user.id) ?? [], baseUrl),
        selection,
      ),
    );
  };

  const getOr404 = async (id: string) => {
    const user = await users.get(id);
    if (!user) {
      throw new ScimError(404, `User ${id} not found`);
    }
    return user;
  };

  router
    .route('/')
    .get(async (req, res) => {
      const query = req.query as Record<string, unknown>;
      const { filter, startIndex, count } = parseListQuery(query, maxResults);
      const where = filter
        ? filterToKnex(db, userResourceType, parseScimFilter(filter))
        : undefined;
      const page = await users.list({
        where,
        offset: startIndex - 1,
        limit: count,
      });
      // A first page that is not full already tells the total.
      const total =
        startIndex === 1 && page.length < count
          ? page.length
          : await users.count(where);
      sendScim(
        res,
        200,
        listResponse(await render(page, query), total, startIndex),
      );
    })
    .post(async (req, res) => {
      const user = await users.create(
        normalizeResource(req.body, userResourceType),
      );
      const [body] = await render([user], req.query as Record<string, unknown>);
      res.location(`${baseUrl}/Users/${user.id}`);
      sendScim(res, 201, body);
    })
    .all(methodNotAllowed);

  router
    .route('/:id')
    .get(async (req, res) => {
      const [body] = await render(
        [await getOr404(req.params.id)],
        req.query as Record<string, unknown>,
      );
      sendScim(res, 200, body);
    })
    .put(async (req, res) => {
      const attributes = normalizeResource(req.body, userResourceType);
      const user = await users.update(req.params.id, () => attributes);
      const [body] = await render([user], req.query as Record<string, unknown>);
      sendScim(res, 200, body);
    })
    .patch(async (req, res) => {
      const operations = parsePatchRequest(req.body);
      const user = await users.update(req.params.id, current =>
        applyAttributeOperations(userResourceType, current, operations),
      );
      const [body] = await render([user], req.query as Record<string, unknown>);
      sendScim(res, 200, body);
    })
    .delete(async (req, res) => {
      if (!(await users.delete(req.params.id))) {
        throw new ScimError(404, `User ${req.params.id} not found`);
      }
      res.status(204).end();
    })
    .all(methodNotAllowed);

  return router;
}
