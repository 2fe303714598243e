import Router from 'express-promise-router';
import { Knex } from 'knex';
import { ScimGroupStore } from '../database/ScimGroupStore';
import { StoredResource } from '../database/ScimResourceTable';
import { listResponse } from '../scim/discoveryDocuments';
import { filterToKnex } from '../scim/filter/filterToKnex';
import { parseScimFilter } from '../scim/filter/parseScimFilter';
import { parseListQuery } from '../scim/parseListQuery';
import { applyAttributeOperations } from '../scim/patch/applyAttributeOperations';
import { parsePatchRequest } from '../scim/patch/parsePatchRequest';
import { splitGroupPatch } from '../scim/patch/splitGroupPatch';
import {
  isAttributeReturned,
  parseAttributeSelection,
  projectAttributes,
} from '../scim/projectAttributes';
import { renderGroup } from '../scim/renderResource';
import { ScimError } from '../scim/ScimError';
import {
  normalizeResource,
  ScimAttributes,
} from '../scim/schema/normalizeResource';
import { groupResourceType } from '../scim/schema/resourceTypes';
import { methodNotAllowed, sendScim } from './scimResponse';

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

  /** Entra reads groups with excludedAttributes=members: then members are never loaded. */
  const render = async (
    stored: StoredResource[],
    query: Record<string, unknown>,
  ) => {
    const selection = parseAttributeSelection(groupResourceType, query);
    const members = isAttributeReturned(selection, 'members')
      ? await groups.membersOf(stored.map(g => g.id))
      : undefined;
    return stored.map(group =>
      projectAttributes(
        renderGroup(group, members?.get(group.id), baseUrl),
        selection,
      ),
    );
  };

  router
    .route('/')
    .get(async (req, res) => {
      const query = req.query as Record<string, unknown>;
      const { filter, startIndex, count } = parseListQuery(query, maxResults);
      const where = filter
        ? filterToKnex(db, groupResourceType, parseScimFilter(filter))
        : undefined;
      const page = await groups.list({
        where,
        offset: startIndex - 1,
        limit: count,
      });
      const total =
        startIndex === 1 && page.length < count
          ? page.length
          : await groups.count(where);
      sendScim(
        res,
        200,
        listResponse(await render(page, query), total, startIndex),
      );
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
