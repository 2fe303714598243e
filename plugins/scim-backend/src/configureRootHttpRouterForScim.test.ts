import { createBackend } from '@backstage/backend-defaults';
import { rootHttpRouterServiceFactory } from '@backstage/backend-defaults/rootHttpRouter';
import {
  coreServices,
  createBackendPlugin,
  createServiceFactory,
  RootLoggerService,
} from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import Router from 'express-promise-router';
import { Server } from 'node:http';
import { AddressInfo } from 'node:net';
import request from 'supertest';
import { configureRootHttpRouterForScim } from './configureRootHttpRouterForScim';

/** A root logger that keeps what it is told. */
function recordingLogger() {
  const lines: Array<{ message: string; meta?: Record<string, unknown> }> =
    [];
  const logger: RootLoggerService = {
    info: (message, meta) => lines.push({ message, meta: meta as never }),
    warn: () => {},
    error: () => {},
    debug: () => {},
    child: () => logger,
  };
  const accessLogFor = (path: string) =>
    lines.filter(
      line =>
        line.meta?.type === 'incomingRequest' &&
        String(line.meta.url).startsWith(path),
    );
  return { logger, accessLogFor };
}

/** A stand-in `scim` plugin: SCIM at /v2 and one other route, both with a body worth compressing. */
const fakeScimPlugin = createBackendPlugin({
  pluginId: 'scim',
  register(env) {
    env.registerInit({
      deps: { httpRouter: coreServices.httpRouter },
      async init({ httpRouter }) {
        const router = Router();
        const big = { text: 'x'.repeat(8192) };
        router.get('/v2/Users', (_req, res) => {
          res.json(big);
        });
        router.get('/v2/boom', () => {
          throw new Error('boom');
        });
        router.get('/health', (_req, res) => {
          res.json(big);
        });
        httpRouter.use(router);
        httpRouter.addAuthPolicy({ path: '/', allow: 'unauthenticated' });
      },
    });
  },
});

describe('configureRootHttpRouterForScim', () => {
  let server: Server;
  const { logger, accessLogFor } = recordingLogger();
  // The real backend wiring (startTestBackend brings its own root router).
  const backend = createBackend();

  beforeAll(async () => {
    backend.add(fakeScimPlugin);
    backend.add(
      mockServices.rootConfig.factory({
        data: {
          backend: { baseUrl: 'http://localhost', listen: { port: 0 } },
        },
      }),
    );
    backend.add(
      createServiceFactory({
        service: coreServices.rootLogger,
        deps: {},
        factory: () => logger,
      }),
    );
    backend.add(
      rootHttpRouterServiceFactory({
        configure(context) {
          server = context.server;
          configureRootHttpRouterForScim(context);
        },
      }),
    );
    await backend.start();
  });

  afterAll(() => backend.stop());

  const get = (path: string) => request(`http://localhost:${(server.address() as AddressInfo).port}`).get(path);

  it('serves SCIM without an access log line and without compression nobody asked for', async () => {
    const res = await get('/api/scim/v2/Users').set('Accept-Encoding', '');
    expect(res.status).toBe(200);
    expect(res.body.text).toHaveLength(8192);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.headers.vary ?? '').not.toMatch(/accept-encoding/i);
    // helmet still runs
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(accessLogFor('/api/scim/v2')).toEqual([]);
  });

  it('compresses SCIM responses for clients that accept it', async () => {
    const res = await get('/api/scim/v2/Users').set('Accept-Encoding', 'gzip');
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.body.text).toHaveLength(8192);
  });

  it('answers unknown SCIM paths and failures through the error handlers', async () => {
    expect((await get('/api/scim/v2/Nope')).status).toBe(404);
    const failed = await get('/api/scim/v2/boom');
    expect(failed.status).toBe(500);
    expect(failed.body.error.message).toBe('boom');
  });

  it('leaves every other route on the Backstage defaults', async () => {
    const res = await get('/api/scim/health').set('Accept-Encoding', '');
    expect(res.status).toBe(200);
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(accessLogFor('/api/scim/health')).toHaveLength(1);
  });
});
