import Router from 'express-promise-router';
import { Knex } from 'knex';
import { ScimGroupStore } from '../database/ScimGroupStore';
import { applyAttributeOperations } from '../scim/patch/applyAttributeOperations';
import { parsePatchRequest } from '../scim/patch/parsePatchRequest';
import { splitGroupPatch } from '../scim/patch/splitGroupPatch';
import { renderGroup } from '../scim/renderResource';
import { ScimError } from '../scim/ScimError';
import {
  normalizeResource,
  ScimAttributes,
} from '../scim/schema/normalizeResource';
import { groupResourceType } from '../scim/schema/resourceTypes';
import { methodNotAllowed, sendScim } from './scimResponse';
import { createResourceRenderer, listResources } from './scimResourceHandlers';

export interface ScimGroupRoutesOptions {
  db: Knex;
  baseUrl: string;
  maxResults: number;
}

/** Splits a Group body into its attributes and the member ids it names. */
function groupBody(body: unknown): {
  attributes: ScimAttributes;
  memberIds: string[];
} {
  const { members, ...attributes } = normalizeResource(body, groupResourceType);
  const memberIds = (
    (members as Array<{ value?: unknown }> | undefined) ?? []
  ).map(m => {
    if (typeof m.value !== 'string') {
      throw new ScimError(
        400,
        'Each member needs a value (the user id)',
        'invalidValue',
      );
    }
    return m.value;
  });
  return { attributes, memberIds };
}

/** `/Groups` and `/Groups/{id}` of RFC 7644 §3. */
export function scimGroupRoutes(options: ScimGroupRoutesOptions) {
  const { db, baseUrl, maxResults } = options;
  const groups = new ScimGroupStore(db);
  const router = Router();

  const render = createResourceRenderer({
    resourceType: groupResourceType,
    relation: 'members',
    loadRelated: ids => groups.membersOf(ids),
    render: (group, members) => renderGroup(group, members, baseUrl),
  });

  router
    .route('/')
    .get(async (req, res) => {
      const body = await listResources({
        db,
        resourceType: groupResourceType,
        table: groups,
        query: req.query as Record<string, unknown>,
        maxResults,
        render,
      });
      sendScim(res, 200, body);
    })
    .post(async (req, res) => {
      const { attributes, memberIds } = groupBody(req.body);
      const group = await groups.create(attributes, memberIds);
      const [body] = await render(
        [group],
        req.query as Record<string, unknown>,
      );
      res.location(`${baseUrl}/Groups/${group.id}`);
      sendScim(res, 201, body);
    })
    .all(methodNotAllowed);

  router
    .route('/:id')
    .get(async (req, res) => {
      const group = await groups.get(req.params.id);
      if (!group) {
        throw new ScimError(404, `Group ${req.params.id} not found`);
      }
      const [body] = await render(
        [group],
        req.query as Record<string, unknown>,
      );
      sendScim(res, 200, body);
    })
    .put(async (req, res) => {
      const { attributes, memberIds } = groupBody(req.body);
      const group = await groups.update(req.params.id, () => attributes, [
        { kind: 'replace', userIds: memberIds },
      ]);
      const [body] = await render(
        [group],
        req.query as Record<string, unknown>,
      );
      sendScim(res, 200, body);
    })
    .patch(async (req, res) => {
      const { attributeOperations, memberChanges } = splitGroupPatch(
        parsePatchRequest(req.body),
      );
      await groups.update(
        req.params.id,
        attributeOperations.length > 0
          ? current =>
              applyAttributeOperations(
                groupResourceType,
                current,
                attributeOperations,
              )
          : undefined,
        memberChanges,
      );
      // Entra expects 204 for group PATCH; returning the member list would be costly.
      res.status(204).end();
    })
    .delete(async (req, res) => {
      if (!(await groups.delete(req.params.id))) {
        throw new ScimError(404, `Group ${req.params.id} not found`);
      }
      res.status(204).end();
    })
    .all(methodNotAllowed);

  return router;
}
