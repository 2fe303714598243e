import { mockServices } from '@backstage/backend-test-utils';
import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { ScimAccessClient, SCIM_ACCESS_CACHE_TTL_MS } from './ScimAccessClient';

describe('ScimAccessClient', () => {
  let server: Server;
  let requests: IncomingMessage[];
  let status: number;
  let baseUrl: string;
  let now: number;

  const access = (userEntityRef: string) => ({
    userEntityRef,
    active: true,
    manual: [],
    effective: [{ service: 'catalog', role: 'viewer', sources: ['manual'] }],
    unknown: [],
    permissions: [{ name: 'catalog.entity.read' }],
  });

  beforeAll(async () => {
    server = createServer((req, res) => {
      requests.push(req);
      const ref = decodeURIComponent(req.url!.split('/').pop()!);
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(
        JSON.stringify(
          status === 200
            ? access(ref)
            : { error: { name: 'Error', message: 'boom' } },
        ),
      );
    });
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${
      (server.address() as AddressInfo).port
    }/api/scim`;
  });
  afterAll(() => server.close());

  const client = () => {
    const discovery = mockServices.discovery.mock({
      getBaseUrl: async () => baseUrl,
    });
    return new ScimAccessClient({
      discovery,
      auth: mockServices.auth({ pluginId: 'permission' }),
      now: () => now,
    });
  };

  beforeEach(() => {
    requests = [];
    status = 200;
    now = 1_000_000;
  });

  it('asks the SCIM backend with a service token and caches the answer briefly', async () => {
    const scim = client();
    const answer = await scim.getUserAccess('User:Default/Alice');
    expect(answer).toEqual(access('user:default/alice'));
    expect(requests).toHaveLength(1);
    expect(requests[0].url).toBe(
      '/api/scim/access/users/user%3Adefault%2Falice',
    );
    expect(requests[0].headers.authorization).toMatch(/^Bearer .+/);

    await scim.getUserAccess('user:default/alice');
    expect(requests).toHaveLength(1);
    now += SCIM_ACCESS_CACHE_TTL_MS;
    await scim.getUserAccess('user:default/alice');
    expect(requests).toHaveLength(2);
  });

  it('throws on an error answer and does not remember it', async () => {
    const scim = client();
    status = 500;
    await expect(scim.getUserAccess('user:default/bob')).rejects.toThrow(
      'Request failed with 500',
    );
    status = 200;
    await expect(scim.getUserAccess('user:default/bob')).resolves.toEqual(
      access('user:default/bob'),
    );
    expect(requests).toHaveLength(2);
  });
});
