/*
 * Starts packages/backend for a benchmark on its own port and a throwaway
 * database (SQLite directory or a fresh PostgreSQL database), in its own
 * process group so that stopping it stops every child.
 */
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const knexFactory = require('knex');

const ROOT = path.resolve(__dirname, '../..');
const ADMIN_TOKEN = 'dev-only-static-token-do-not-use-in-production';
const PG = { host: '127.0.0.1', port: 5432, user: 'postgres' };

const sleep = ms => new Promise(r => setTimeout(r, ms));

function canConnect(port) {
  return new Promise(resolve => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    socket.on('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });
}

async function startBackend({ engine, port, config = {} }) {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), `bench-${engine}-`));
  const prefix = `bench_${process.pid}_`;
  const database =
    engine === 'sqlite'
      ? { client: 'better-sqlite3', connection: { directory: workDir } }
      : { client: 'pg', connection: PG, prefix };
  const configFile = path.join(workDir, 'bench-config.yaml');
  fs.writeFileSync(
    configFile,
    JSON.stringify({
      backend: { baseUrl: `http://localhost:${port}`, listen: { port }, database },
      catalog: { locations: [] },
      ...config,
    }),
  );
  // `production` (default) runs the backend as a deployment would: NODE_ENV
  // production, no file watcher, no source maps. TypeScript is still
  // transpiled on load, which a bundled build does ahead of time.
  // BENCH_START=dev measures `backstage-cli package start` instead.
  const mode = process.env.BENCH_START ?? 'production';
  const configArgs = ['--config', path.join(ROOT, 'app-config.yaml'), '--config', configFile];
  const child =
    mode === 'dev'
      ? spawn(
          process.execPath,
          [path.join(ROOT, '.yarn/releases/yarn-4.13.0.cjs'), 'workspace', 'backend', 'start', ...configArgs],
          { cwd: ROOT, detached: true, stdio: ['ignore', 'ignore', 'inherit'] },
        )
      : spawn(
          process.execPath,
          [
            // e.g. BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" to profile the backend
            ...(process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean),
            '--require', require.resolve('@backstage/cli-node/config/nodeTransform.cjs', { paths: [ROOT] }),
            'src/index.ts',
            ...configArgs,
          ],
          {
            cwd: path.join(ROOT, 'packages/backend'),
            detached: true,
            stdio: ['ignore', 'ignore', 'inherit'],
            env: { ...process.env, NODE_ENV: 'production', ESBK_TSCONFIG_PATH: path.join(ROOT, 'tsconfig.json') },
          },
        );
  const url = `http://localhost:${port}`;
  for (let i = 0; ; i++) {
    if (i > 240) throw new Error('backend did not start');
    try {
      if ((await fetch(`${url}/api/scim/health`)).ok) break;
    } catch {
      // not up yet
    }
    await sleep(500);
  }
  const scimDb = knexFactory(
    engine === 'sqlite'
      ? { client: 'better-sqlite3', connection: { filename: path.join(workDir, 'scim.sqlite') }, useNullAsDefault: true }
      : { client: 'pg', connection: { ...PG, database: `${prefix}scim` } },
  );

  async function admin(method, route, body) {
    const res = await fetch(`${url}/api/scim/admin${route}`, {
      method,
      headers: { Authorization: `Bearer ${ADMIN_TOKEN}`, 'Content-Type': 'application/json' },
      body: body && JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${method} ${route}: ${res.status} ${await res.text()}`);
    return res.json();
  }

  /** The backend's node processes (the process group may hold a wrapper too). */
  function backendPids() {
    const pids = [];
    for (const pid of fs.readdirSync('/proc').filter(p => /^\d+$/.test(p))) {
      try {
        const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
        const pgrp = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
        const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
        if (pgrp === child.pid && cmdline.includes('src/index')) pids.push(pid);
      } catch {
        // process ended
      }
    }
    return pids;
  }

  /** Peak resident memory (VmHWM) of the backend node process, in MB. */
  function peakMemoryMb() {
    let peak = 0;
    for (const pid of backendPids()) {
      try {
        const hwm = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
        peak = Math.max(peak, Number(hwm?.[1] ?? 0) / 1024);
      } catch {
        // process ended
      }
    }
    return Math.round(peak);
  }

  /** CPU seconds (user + system) the backend has used so far. */
  function cpuSeconds() {
    let ticks = 0;
    for (const pid of backendPids()) {
      try {
        const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        ticks += Number(fields[11]) + Number(fields[12]);
      } catch {
        // process ended
      }
    }
    return ticks / 100;
  }

  /**
   * Waits until the backend uses under 10 % of a core over a second (at most
   * `maxMs`), so one case does not pay for the catalog still ingesting what
   * the previous case wrote. Returns how long it waited.
   */
  async function waitForIdle(maxMs = 120_000) {
    const started = Date.now();
    for (;;) {
      const before = cpuSeconds();
      await sleep(1000);
      if (cpuSeconds() - before < 0.1 || Date.now() - started > maxMs) {
        return Date.now() - started;
      }
    }
  }

  async function stop() {
    await scimDb.destroy();
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
    await sleep(1000);
    if (engine === 'pg') {
      const pg = knexFactory({ client: 'pg', connection: { ...PG, database: 'postgres' } });
      for (const db of ['scim', 'catalog', 'auth', 'permission']) {
        await pg.raw(`DROP DATABASE IF EXISTS "${prefix}${db}" WITH (FORCE)`).catch(() => {});
      }
      await pg.destroy();
    }
    fs.rmSync(workDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 500 });
  }

  /** Enables provisioning and returns a fresh SCIM token. */
  async function enableScim() {
    await admin('PUT', '/settings', { enabled: true });
    return (await admin('POST', '/tokens', { validityDays: 1, description: 'bench' })).token;
  }

  return { mode, url, scimDb, admin, enableScim, peakMemoryMb, waitForIdle, stop, adminToken: ADMIN_TOKEN };
}

module.exports = { startBackend, canConnect, sleep };
