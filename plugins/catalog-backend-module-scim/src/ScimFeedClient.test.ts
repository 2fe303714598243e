import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { createServer, IncomingMessage, Server } from 'http';
import { AddressInfo } from 'net';
import { DefaultScimFeedClient } from './ScimFeedClient';

/** A tiny feed server: records each request and answers with the next reply. */
describe('DefaultScimFeedClient', () => {
  let server: Server;
  let baseUrl: string;
  let requests: Array<{ url?: string; authorization?: string }>;
  let reply: { status: number; body: unknown };

  beforeAll(async () => {
    server = createServer((req: IncomingMessage, res) => {
      requests.push({
        url: req.url,
        authorization: req.headers.authorization,
      });
      res.writeHead(reply.status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(reply.body));
    });
    await new Promise<void>(resolve => server.listen(0, resolve));
    baseUrl = `http://localhost:${
      (server.address() as AddressInfo).port
    }/api/scim`;
  });

  afterAll(async () => {
    await new Promise(resolve => server.close(resolve));
  });

  beforeEach(() => {
    requests = [];
    reply = { status: 200, body: {} };
  });

  const client = () =>
    new DefaultScimFeedClient({
      discovery: mockServices.discovery.mock({
        getBaseUrl: async pluginId => `${baseUrl.replace('scim', pluginId)}`,
      }),
      auth: mockServices.auth({ pluginId: 'catalog' }),
    });

  const scimToken = mockCredentials.service.token({
    onBehalfOf: mockCredentials.service('plugin:catalog'),
    targetPluginId: 'scim',
  });

  it('reads the cursor with a service token for the scim plugin', async () => {
    reply.body = { cursor: '42' };
    await expect(client().getCursor()).resolves.toBe('42');
    expect(requests).toEqual([
      { url: '/api/scim/feed/cursor', authorization: `Bearer ${scimToken}` },
    ]);
  });

  it('pages users and groups with the largest limits the feed allows', async () => {
    reply.body = { items: [{ id: 'u1' }], next: 'u1' };
    await expect(client().getUsers()).resolves.toEqual(reply.body);
    await client().getUsers('u1');
    await client().getGroups('g/1');
    expect(requests.map(r => r.url)).toEqual([
      '/api/scim/feed/users?limit=5000',
      '/api/scim/feed/users?after=u1&limit=5000',
      '/api/scim/feed/groups?after=g%2F1&limit=500',
    ]);
  });

  it('reads changes after a cursor', async () => {
    reply.body = {
      cursor: '7',
      reset: false,
      more: false,
      users: [],
      deletedUserIds: ['u1'],
      groups: [],
      deletedGroupIds: [],
    };
    await expect(client().getChanges('5')).resolves.toEqual(reply.body);
    expect(requests[0].url).toBe('/api/scim/feed/changes?after=5&limit=1000');
  });

  it('throws the error the feed answers with', async () => {
    reply = {
      status: 401,
      body: {
        error: { name: 'AuthenticationError', message: 'no service' },
        request: { method: 'GET', url: '/feed/cursor' },
        response: { statusCode: 401 },
      },
    };
    await expect(client().getCursor()).rejects.toMatchObject({
      name: 'ResponseError',
      statusCode: 401,
      cause: expect.objectContaining({ message: 'no service' }),
    });
  });
});
