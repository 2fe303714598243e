/**
 * @jest-environment node
 */
import { mockApis, registerMswTestHooks } from '@backstage/test-utils';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { ScimDirectoryClient } from './ScimDirectoryClient';

const BASE = 'http://backend.test/api/scim';
const GROUP = 'group:default/dev ops';
const USER = 'user:default/alice';
const EMPTY_PAGE = { items: [], totalCount: 0, offset: 0, limit: 25 };

describe('ScimDirectoryClient', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  let seen: Array<{ method: string; url: string; body: string }>;
  beforeEach(() => {
    seen = [];
    server.events.on('request:start', async ({ request }) => {
      seen.push({
        method: request.method,
        url: request.url,
        body: await request.clone().text(),
      });
    });
    // Answers every call with `{items: []}` or 204, so each test only checks what was sent.
    server.use(
      http.all(`${BASE}/*`, ({ request }) =>
        request.method === 'DELETE'
          ? new HttpResponse(null, { status: 204 })
          : HttpResponse.json(EMPTY_PAGE),
      ),
    );
  });
  afterEach(() => server.events.removeAllListeners());

  const client = new ScimDirectoryClient({
    discoveryApi: mockApis.discovery({ baseUrl: 'http://backend.test' }),
    // Looked up per call: msw patches the global fetch once the server listens.
    fetchApi: { fetch: (input, init) => fetch(input, init) },
  });

  it('pages and searches the directory, omitting unset options', async () => {
    await client.listUsers({});
    await client.listUsers({
      search: 'ada l',
      status: 'deactivated',
      offset: 50,
      limit: 25,
    });
    await client.listGroups({ search: 'dev', offset: 0, limit: 10 });
    await client.listGroupMembers(GROUP, { offset: 10, limit: 10 });
    expect(seen.map(s => `${s.method} ${s.url}`)).toEqual([
      `GET ${BASE}/admin/directory/users`,
      `GET ${BASE}/admin/directory/users?search=ada+l&status=deactivated&offset=50&limit=25`,
      `GET ${BASE}/admin/directory/groups?search=dev&offset=0&limit=10`,
      `GET ${BASE}/admin/directory/groups/group%3Adefault%2Fdev%20ops/members?offset=10&limit=10`,
    ]);
  });

  it('reads services and group access, unwrapping lists', async () => {
    await expect(client.listServices()).resolves.toEqual([]);
    await expect(client.listGroupAccess()).resolves.toEqual([]);
    await client.getGroupAccess(GROUP);
    await client.getUserAccess(USER);
    expect(seen.map(s => s.url)).toEqual([
      `${BASE}/admin/access/services`,
      `${BASE}/admin/access/groups`,
      `${BASE}/admin/access/groups/group%3Adefault%2Fdev%20ops`,
      `${BASE}/admin/access/users/user%3Adefault%2Falice`,
    ]);
  });

  it('sends the group access update and the role changes', async () => {
    const grant = { service: 'catalog', role: 'viewer/x' };
    await client.updateGroupAccess(GROUP, {
      grants: [grant],
      services: ['catalog', 'scaffolder'],
    });
    await client.addUserRole(USER, grant);
    await expect(client.removeUserRole(USER, grant)).resolves.toBeUndefined();
    await client.removeIdpManualRoles();
    expect(seen).toEqual([
      {
        method: 'PUT',
        url: `${BASE}/admin/access/groups/group%3Adefault%2Fdev%20ops`,
        body: '{"grants":[{"service":"catalog","role":"viewer/x"}],"services":["catalog","scaffolder"]}',
      },
      {
        method: 'POST',
        url: `${BASE}/admin/access/users/user%3Adefault%2Falice/roles`,
        body: '{"service":"catalog","role":"viewer/x"}',
      },
      {
        method: 'DELETE',
        url: `${BASE}/admin/access/users/user%3Adefault%2Falice/roles/catalog/viewer%2Fx`,
        body: '',
      },
      {
        method: 'POST',
        url: `${BASE}/admin/access/manual-roles/remove-idp-users`,
        body: '',
      },
    ]);
  });

  it('throws a ResponseError on a refusal', async () => {
    server.use(
      http.get(`${BASE}/admin/directory/groups`, () =>
        HttpResponse.json(
          { error: { name: 'NotAllowedError', message: 'no' } },
          { status: 403 },
        ),
      ),
    );
    await expect(client.listGroups({})).rejects.toMatchObject({
      name: 'ResponseError',
      statusCode: 403,
    });
  });
});
