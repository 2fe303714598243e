/**
 * @jest-environment node
 */
import { mockApis, registerMswTestHooks } from '@backstage/test-utils';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { ScimLogsClient } from './ScimLogsClient';

const BASE = 'http://backend.test/api/scim';

describe('ScimLogsClient', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  let urls: string[];
  beforeEach(() => {
    urls = [];
    server.events.on('request:start', ({ request }) => {
      urls.push(`${request.method} ${request.url}`);
    });
  });
  afterEach(() => server.events.removeAllListeners());

  const client = new ScimLogsClient({
    discoveryApi: mockApis.discovery({ baseUrl: 'http://backend.test' }),
    fetchApi: { fetch: (input, init) => fetch(input, init) },
  });

  it('lists entries with every filter in the query, leaving out unset ones', async () => {
    const page = { items: [], nextCursor: '41' };
    server.use(http.get(`${BASE}/admin/logs`, () => HttpResponse.json(page)));
    await expect(client.listLogs()).resolves.toEqual(page);
    await client.listLogs({
      from: '2026-01-01T00:00:00.000Z',
      to: '2026-01-02T00:00:00.000Z',
      operation: 'test-connection',
      resourceType: 'User',
      status: 'error',
      search: 'alice smith',
      limit: 25,
      cursor: '41',
    });
    await client.listLogs({ status: 'success', search: '' });
    expect(urls).toEqual([
      `GET ${BASE}/admin/logs`,
      `GET ${BASE}/admin/logs?from=2026-01-01T00%3A00%3A00.000Z&to=2026-01-02T00%3A00%3A00.000Z&operation=test-connection&resourceType=User&status=error&search=alice+smith&limit=25&cursor=41`,
      `GET ${BASE}/admin/logs?status=success`,
    ]);
  });

  it('reads one entry by its escaped id', async () => {
    const entry = { id: '7', requestBody: '{}' };
    server.use(
      http.get(`${BASE}/admin/logs/:id`, () => HttpResponse.json(entry)),
    );
    await expect(client.getLog('7/x')).resolves.toEqual(entry);
    expect(urls).toEqual([`GET ${BASE}/admin/logs/7%2Fx`]);
  });

  it('reads the summary, with or without hours', async () => {
    const summary = { buckets: [], errorStreak: 0 };
    server.use(
      http.get(`${BASE}/admin/logs/summary`, () => HttpResponse.json(summary)),
    );
    await expect(client.getSummary()).resolves.toEqual(summary);
    await client.getSummary({ hours: 24 });
    expect(urls).toEqual([
      `GET ${BASE}/admin/logs/summary`,
      `GET ${BASE}/admin/logs/summary?hours=24`,
    ]);
  });

  it('reads the Entra logs and job, passing through "not configured"', async () => {
    server.use(
      http.get(`${BASE}/admin/entra/logs`, () =>
        HttpResponse.json({ configured: false }),
      ),
      http.get(`${BASE}/admin/entra/job`, () =>
        HttpResponse.json({ configured: false }),
      ),
    );
    await expect(client.listEntraLogs()).resolves.toEqual({
      configured: false,
    });
    await client.listEntraLogs({ cursor: 'abc=', limit: 50 });
    await expect(client.getEntraJob()).resolves.toEqual({ configured: false });
    expect(urls).toEqual([
      `GET ${BASE}/admin/entra/logs`,
      `GET ${BASE}/admin/entra/logs?cursor=abc%3D&limit=50`,
      `GET ${BASE}/admin/entra/job`,
    ]);
  });

  it('rejects with a ResponseError keeping the Graph error body on a 503', async () => {
    server.use(
      http.get(`${BASE}/admin/entra/logs`, () =>
        HttpResponse.json(
          {
            error: {
              name: 'EntraThrottledError',
              message: 'Microsoft Graph is throttling requests',
              retryAfterSeconds: 30,
            },
          },
          { status: 503 },
        ),
      ),
    );
    const error = await client.listEntraLogs().catch(e => e);
    expect(error).toMatchObject({ name: 'ResponseError', statusCode: 503 });
    // describeEntraError reads the message and the wait back from here.
    expect(error.body.error.message).toContain(
      'Microsoft Graph is throttling requests',
    );
  });
});
