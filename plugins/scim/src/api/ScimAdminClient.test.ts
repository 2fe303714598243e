/**
 * @jest-environment node
 */
import { mockApis, registerMswTestHooks } from '@backstage/test-utils';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { ScimAdminClient } from './ScimAdminClient';

const BASE = 'http://backend.test/api/scim';

describe('ScimAdminClient', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  /** Every request msw saw, with its body, in order. */
  let seen: Array<{
    method: string;
    url: string;
    auth: string | null;
    contentType: string | null;
    body: string;
  }>;
  beforeEach(() => {
    seen = [];
    server.events.on('request:start', async ({ request }) => {
      seen.push({
        method: request.method,
        url: request.url,
        auth: request.headers.get('authorization'),
        contentType: request.headers.get('content-type'),
        body: await request.clone().text(),
      });
    });
  });
  afterEach(() => server.events.removeAllListeners());

  const client = new ScimAdminClient({
    discoveryApi: mockApis.discovery({ baseUrl: 'http://backend.test' }),
    fetchApi: {
      // Stands in for the app's fetchApi, which adds the user's token.
      fetch: (input, init) =>
        fetch(input, {
          ...init,
          headers: { ...(init?.headers as object), Authorization: 'Bearer u' },
        }),
    },
  });

  const settings = {
    enabled: true,
    baseUrl: 'https://portal.example.com/api/scim/v2',
    maxTokenValidityDays: 730,
  };

  it('reads the settings', async () => {
    server.use(
      http.get(`${BASE}/admin/settings`, () => HttpResponse.json(settings)),
    );
    await expect(client.getSettings()).resolves.toEqual(settings);
    expect(seen).toEqual([
      {
        method: 'GET',
        url: `${BASE}/admin/settings`,
        auth: 'Bearer u',
        contentType: null,
        body: '',
      },
    ]);
  });

  it('updates the settings with a JSON body', async () => {
    server.use(
      http.put(`${BASE}/admin/settings`, async ({ request }) =>
        HttpResponse.json({
          ...settings,
          ...((await request.json()) as object),
        }),
      ),
    );
    await expect(client.updateSettings({ enabled: false })).resolves.toEqual({
      ...settings,
      enabled: false,
    });
    expect(seen).toMatchObject([
      {
        method: 'PUT',
        url: `${BASE}/admin/settings`,
        contentType: 'application/json',
        body: '{"enabled":false}',
      },
    ]);
  });

  it('lists tokens', async () => {
    const token = {
      id: 't1',
      prefix: 'bscim_AAAAAA',
      createdBy: 'user:default/admin',
      createdAt: '2026-01-01T00:00:00.000Z',
      expiresAt: '2026-04-01T00:00:00.000Z',
    };
    server.use(
      http.get(`${BASE}/admin/tokens`, () =>
        HttpResponse.json({ items: [token] }),
      ),
    );
    await expect(client.listTokens()).resolves.toEqual([token]);
    expect(seen).toMatchObject([
      { method: 'GET', url: `${BASE}/admin/tokens` },
    ]);
  });

  it('creates a token, leaving out an empty description', async () => {
    const created = {
      id: 't2',
      token: `bscim_${'x'.repeat(43)}`,
      expiresAt: '2027-01-01T00:00:00.000Z',
    };
    server.use(
      http.post(`${BASE}/admin/tokens`, () =>
        HttpResponse.json(created, { status: 201 }),
      ),
    );
    await expect(
      client.createToken({ validityDays: 30, description: 'Entra prod' }),
    ).resolves.toEqual(created);
    await client.createToken({ validityDays: 90, description: '' });
    expect(seen).toMatchObject([
      {
        method: 'POST',
        url: `${BASE}/admin/tokens`,
        contentType: 'application/json',
        body: '{"validityDays":30,"description":"Entra prod"}',
      },
      { method: 'POST', body: '{"validityDays":90}' },
    ]);
  });

  it('revokes a token by its escaped id', async () => {
    server.use(
      http.delete(
        `${BASE}/admin/tokens/:id`,
        () => new HttpResponse(null, { status: 204 }),
      ),
    );
    await expect(client.revokeToken('a/b c')).resolves.toBeUndefined();
    expect(seen).toMatchObject([
      { method: 'DELETE', url: `${BASE}/admin/tokens/a%2Fb%20c`, body: '' },
    ]);
  });

  it('pages the audit trail, omitting unset options', async () => {
    const page = { items: [], totalCount: 0, offset: 0, limit: 50 };
    server.use(http.get(`${BASE}/admin/audit`, () => HttpResponse.json(page)));
    await expect(client.listAuditEntries()).resolves.toEqual(page);
    await client.listAuditEntries({ offset: 100, limit: 50 });
    await client.listAuditEntries({ limit: 10 });
    expect(seen.map(s => s.url)).toEqual([
      `${BASE}/admin/audit`,
      `${BASE}/admin/audit?offset=100&limit=50`,
      `${BASE}/admin/audit?limit=10`,
    ]);
  });

  it('throws a ResponseError carrying the status and the server message', async () => {
    server.use(
      http.get(`${BASE}/admin/settings`, () =>
        HttpResponse.json(
          {
            error: {
              name: 'NotAllowedError',
              message: 'You need the scim.settings.read permission',
            },
            request: { method: 'GET', url: '/admin/settings' },
            response: { statusCode: 403 },
          },
          { status: 403 },
        ),
      ),
    );
    const error = await client.getSettings().catch(e => e);
    expect(error).toMatchObject({
      name: 'ResponseError',
      statusCode: 403,
      body: { error: { name: 'NotAllowedError' } },
    });
    expect(error.cause.message).toBe(
      'You need the scim.settings.read permission',
    );
  });

  it('throws on a failed mutation too', async () => {
    server.use(
      http.post(`${BASE}/admin/tokens`, () =>
        HttpResponse.json(
          {
            error: { name: 'InputError', message: 'validityDays too large' },
            response: { statusCode: 400 },
          },
          { status: 400 },
        ),
      ),
    );
    await expect(
      client.createToken({ validityDays: 9999 }),
    ).rejects.toMatchObject({ statusCode: 400 });
  });
});
