import { HttpAuthService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import Router from 'express-promise-router';
import { ScimFeedStore } from '../database/ScimFeedStore';

function parseLimit(value: unknown, max: number): number {
  if (value === undefined) {
    return max;
  }
  const limit = Number(value);
  if (!Number.isInteger(limit) || limit < 1 || limit > max) {
    throw new InputError(`limit must be an integer from 1 to ${max}`);
  }
  return limit;
}

const optionalString = (value: unknown, name: string) => {
  if (value !== undefined && typeof value !== 'string') {
    throw new InputError(`${name} must be a string`);
  }
  return value;
};

/**
 * The identity feed for the catalog module (`/api/scim/feed`). It carries
 * names and emails, so only other backend plugins may read it, not users.
 */
export function createFeedRouter(options: {
  feed: ScimFeedStore;
  httpAuth: HttpAuthService;
}) {
  const { feed, httpAuth } = options;
  const router = Router();
  router.use(async (req, _res, next) => {
    await httpAuth.credentials(req, { allow: ['service'] });
    next();
  });
  router.get('/cursor', async (_req, res) => {
    res.json({ cursor: await feed.cursor() });
  });
  router.get('/users', async (req, res) => {
    const after = optionalString(req.query.after, 'after');
    res.json(await feed.users(after, parseLimit(req.query.limit, 5000)));
  });
  router.get('/groups', async (req, res) => {
    const after = optionalString(req.query.after, 'after');
    res.json(await feed.groups(after, parseLimit(req.query.limit, 500)));
  });
  router.get('/changes', async (req, res) => {
    const after = optionalString(req.query.after, 'after') ?? '0';
    res.json(await feed.changes(after, parseLimit(req.query.limit, 1000)));
  });
  return router;
}
