import Router from 'express-promise-router';
import { Knex } from 'knex';
import { ScimUserStore } from '../database/ScimUserStore';
import { applyAttributeOperations } from '../scim/patch/applyAttributeOperations';
import { parsePatchRequest } from '../scim/patch/parsePatchRequest';
import { renderUser } from '../scim/renderResource';
import { ScimError } from '../scim/ScimError';
import { normalizeResource } from '../scim/schema/normalizeResource';
import { userResourceType } from '../scim/schema/resourceTypes';
import { methodNotAllowed, sendScim } from './scimResponse';
import { createResourceRenderer, listResources } from './scimResourceHandlers';

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

  const render = createResourceRenderer({
    resourceType: userResourceType,
    relation: 'groups',
    loadRelated: ids => users.groupsOf(ids),
    render: (user, groups) => renderUser(user, groups ?? [], baseUrl),
  });

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
      const body = await listResources({
        db,
        resourceType: userResourceType,
        table: users,
        query: req.query as Record<string, unknown>,
        maxResults,
        render,
      });
      sendScim(res, 200, body);
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
