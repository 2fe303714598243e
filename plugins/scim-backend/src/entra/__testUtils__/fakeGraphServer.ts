import { readFileSync } from 'node:fs';
import http, { IncomingMessage, ServerResponse } from 'node:http';
import https from 'node:https';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';

/** A self-signed certificate for 127.0.0.1: MSAL only accepts https authorities. */
export const LOOPBACK_TEST_CA = readFileSync(
  join(__dirname, 'loopback-test-cert.pem'),
  'utf8',
);
const LOOPBACK_TEST_KEY = readFileSync(
  join(__dirname, 'loopback-test-key.pem'),
  'utf8',
);

export const FAKE_TENANT = '11111111-2222-3333-4444-555555555555';
export const FAKE_CLIENT_ID = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';
export const FAKE_CLIENT_SECRET = 'fake-client-secret';
export const FAKE_SP_ID = '99999999-8888-7777-6666-555555555555';
export const FAKE_ACCESS_TOKEN = 'fake-graph-access-token';

/** A Graph answer the test sets up: status, JSON body, extra headers. */
export interface FakeResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** One request the fake Graph saw. */
export interface SeenRequest {
  path: string;
  query: URLSearchParams;
  authorization?: string;
}

export interface FakeGraphServer {
  /** https origin of the token authority. */
  authorityHost: string;
  /** http origin of Graph (our client sends its token to any configured base). */
  graphBaseUrl: string;
  /** Pages of `/v1.0/auditLogs/provisioning`, chained by `$skiptoken`. */
  logPages: unknown[][];
  /** `/v1.0/servicePrincipals/{FAKE_SP_ID}/synchronization/jobs` body. */
  jobs: unknown[];
  /** Answers served before the normal ones, one per Graph request. */
  graphFailures: FakeResponse[];
  tokenRequests: number;
  graphRequests: SeenRequest[];
  close(): Promise<void>;
}

function send(res: ServerResponse, response: FakeResponse) {
  res.writeHead(response.status, {
    'content-type': 'application/json',
    ...response.headers,
  });
  res.end(response.body === undefined ? '' : JSON.stringify(response.body));
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

const graphError = (status: number, code: string, message: string) => ({
  status,
  body: { error: { code, message, innerError: { 'request-id': 'r-1' } } },
});

/**
 * The token authority (https, answering OpenID discovery and the
 * client-credentials grant as Entra does) and Graph (http) on loopback.
 */
export async function startFakeGraphServer(): Promise<FakeGraphServer> {
  const servers: Array<http.Server | https.Server> = [];
  const listen = async (server: http.Server | https.Server) => {
    servers.push(server);
    await new Promise<void>(resolve =>
      server.listen(0, '127.0.0.1', () => resolve()),
    );
    return (server.address() as AddressInfo).port;
  };

  const fake = {
    logPages: [],
    jobs: [],
    graphFailures: [],
    tokenRequests: 0,
    graphRequests: [],
  } as unknown as FakeGraphServer;

  const authority = https.createServer(
    { cert: LOOPBACK_TEST_CA, key: LOOPBACK_TEST_KEY },
    async (req, res) => {
      const url = new URL(req.url!, fake.authorityHost);
      const tenantBase = `${fake.authorityHost}/${FAKE_TENANT}`;
      if (
        url.pathname === `/${FAKE_TENANT}/v2.0/.well-known/openid-configuration`
      ) {
        send(res, {
          status: 200,
          body: {
            token_endpoint: `${tenantBase}/oauth2/v2.0/token`,
            authorization_endpoint: `${tenantBase}/oauth2/v2.0/authorize`,
            end_session_endpoint: `${tenantBase}/oauth2/v2.0/logout`,
            issuer: `${tenantBase}/v2.0`,
            jwks_uri: `${tenantBase}/discovery/v2.0/keys`,
            response_types_supported: ['code', 'id_token', 'token'],
            token_endpoint_auth_methods_supported: ['client_secret_post'],
          },
        });
        return;
      }
      if (url.pathname === `/${FAKE_TENANT}/oauth2/v2.0/token`) {
        fake.tokenRequests += 1;
        const form = new URLSearchParams(await readBody(req));
        if (
          form.get('grant_type') !== 'client_credentials' ||
          form.get('client_id') !== FAKE_CLIENT_ID ||
          form.get('client_secret') !== FAKE_CLIENT_SECRET
        ) {
          send(res, {
            status: 401,
            body: {
              error: 'invalid_client',
              error_description:
                'AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID.\r\nTrace ID: t-1',
              error_codes: [7000215],
            },
          });
          return;
        }
        send(res, {
          status: 200,
          body: {
            token_type: 'Bearer',
            expires_in: 3599,
            ext_expires_in: 3599,
            access_token: FAKE_ACCESS_TOKEN,
          },
        });
        return;
      }
      send(res, { status: 404, body: { error: 'not_found' } });
    },
  );

  const graph = http.createServer((req, res) => {
    const url = new URL(req.url!, fake.graphBaseUrl);
    fake.graphRequests.push({
      path: url.pathname,
      query: url.searchParams,
      authorization: req.headers.authorization,
    });
    if (req.headers.authorization !== `Bearer ${FAKE_ACCESS_TOKEN}`) {
      send(
        res,
        graphError(401, 'InvalidAuthenticationToken', 'Access token is empty.'),
      );
      return;
    }
    const failure = fake.graphFailures.shift();
    if (failure) {
      send(res, failure);
      return;
    }
    if (url.pathname === '/v1.0/auditLogs/provisioning') {
      const page = Number(url.searchParams.get('$skiptoken')?.slice(5) ?? 0);
      const next = page + 1 < fake.logPages.length;
      const nextLink = new URL(url.toString());
      nextLink.searchParams.set('$skiptoken', `page-${page + 1}`);
      send(res, {
        status: 200,
        body: {
          '@odata.context':
            'https://graph.microsoft.com/v1.0/$metadata#auditLogs/provisioning',
          value: fake.logPages[page] ?? [],
          ...(next ? { '@odata.nextLink': nextLink.toString() } : {}),
        },
      });
      return;
    }
    if (
      url.pathname ===
      `/v1.0/servicePrincipals/${FAKE_SP_ID}/synchronization/jobs`
    ) {
      send(res, { status: 200, body: { value: fake.jobs } });
      return;
    }
    send(
      res,
      graphError(404, 'Request_ResourceNotFound', 'Resource does not exist.'),
    );
  });

  fake.authorityHost = `https://127.0.0.1:${await listen(authority)}`;
  fake.graphBaseUrl = `http://127.0.0.1:${await listen(graph)}`;
  fake.close = async () => {
    await Promise.all(
      servers.map(
        server =>
          new Promise<void>(resolve => {
            server.closeAllConnections();
            server.close(() => resolve());
          }),
      ),
    );
  };
  return fake;
}

/** Graph's 403 for an app without the needed application permission. */
export const forbidden = (): FakeResponse =>
  graphError(
    403,
    'Authorization_RequestDenied',
    'Insufficient privileges to complete the operation.',
  );

/** Graph's 429 with a Retry-After of `seconds`. */
export const throttled = (seconds: number): FakeResponse => ({
  ...graphError(429, 'TooManyRequests', 'Too many requests.'),
  headers: { 'Retry-After': String(seconds) },
});
