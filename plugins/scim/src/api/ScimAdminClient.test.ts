import { ScimAdminClient } from './ScimAdminClient';

describe('ScimAdminClient', () => {
  const calls: Array<{ url: string; init: RequestInit }> = [];
  let responses: Response[];
  const client = new ScimAdminClient({
    discoveryApi: {
      getBaseUrl: async (id: string) => `http://backend/api/${id}`,
    },
    fetchApi: {
      fetch: async (url: any, init: any) => {
        calls.push({ url: String(url), init });
        return responses.shift()!;
      },
    },
  });
  const json = (body: unknown, status = 200) =>
    new Response(JSON.stringify(body), {
      status,
      headers: { 'Content-Type': 'application/json' },
    });

  beforeEach(() => {
    calls.length = 0;
  });

  it('reads and updates the settings', async () => {
    const settings = {
      enabled: true,
      baseUrl: 'http://x/api/scim/v2',
      maxTokenValidityDays: 730,
    };
    responses = [json(settings), json(settings)];
    expect(await client.getSettings()).toEqual(settings);
    await client.updateSettings({ enabled: true });
    expect(calls.map(c => [c.init.method, c.url, c.init.body])).toEqual([
      ['GET', 'http://backend/api/scim/admin/settings', undefined],
      ['PUT', 'http://backend/api/scim/admin/settings', '{"enabled":true}'],
    ]);
    expect(
      (calls[1].init.headers as Record<string, string>)['Content-Type'],
    ).toBe('application/json');
  });

  it('lists, creates and revokes tokens', async () => {
    responses = [
      json({ items: [{ id: 't1' }] }),
      json(
        { id: 't2', token: 'bscim_x', expiresAt: '2027-01-01T00:00:00.000Z' },
        201,
      ),
      new Response(null, { status: 204 }),
    ];
    expect(await client.listTokens()).toEqual([{ id: 't1' }]);
    expect(
      (await client.createToken({ validityDays: 30, description: 'd' })).token,
    ).toBe('bscim_x');
    await client.revokeToken('a/b');
    expect(calls.map(c => [c.init.method, c.url, c.init.body])).toEqual([
      ['GET', 'http://backend/api/scim/admin/tokens', undefined],
      [
        'POST',
        'http://backend/api/scim/admin/tokens',
        '{"validityDays":30,"description":"d"}',
      ],
      ['DELETE', 'http://backend/api/scim/admin/tokens/a%2Fb', undefined],
    ]);
  });

  it('throws a ResponseError with the status on failure', async () => {
    responses = [
      json(
        {
          error: {
            name: 'NotAllowedError',
            message: 'You need the scim.settings.read permission',
          },
        },
        403,
      ),
    ];
    await expect(client.getSettings()).rejects.toMatchObject({
      name: 'ResponseError',
      statusCode: 403,
    });
  });
});
