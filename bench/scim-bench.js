#!/usr/bin/env node
/*
 * SCIM benchmark: starts the real backend (SQLite, then PostgreSQL when it
 * answers on 127.0.0.1:5432) and a bare express server, loads both with
 * autocannon on loopback in interleaved rounds, and prints figures and ratios
 * against the targets of docs/performance.md. It asserts nothing: it measures.
 *
 *   npm run bench:scim              (from the repository root)
 *   BENCH_USERS=100000 BENCH_ROUNDS=3 BENCH_DURATION=8 BENCH_ENGINES=sqlite,pg
 */
const { fork } = require('node:child_process');
const crypto = require('node:crypto');
const os = require('node:os');
const path = require('node:path');
const autocannon = require('autocannon');
const { canConnect, sleep, startBackend } = require('./lib/backend');

const USERS = Number(process.env.BENCH_USERS ?? 100_000);
const GROUP_MEMBERS = Number(process.env.BENCH_GROUP_MEMBERS ?? 50_000);
const PATCH_MEMBERS = Number(process.env.BENCH_PATCH_MEMBERS ?? 10_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const DURATION = Number(process.env.BENCH_DURATION ?? 8);
const CONNECTIONS = 10;
const PORT = 7077;

const median = values => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const log = (...args) => console.log(...args);

async function startBareExpress() {
  const child = fork(path.join(__dirname, 'lib/bareExpressServer.js'), ['0']);
  const port = await new Promise(resolve => child.once('message', m => resolve(m.port)));
  return { child, url: `http://127.0.0.1:${port}` };
}

/** Bulk seed through knex: the "internal seed path", timed against nothing but itself. */
async function seed(db) {
  const now = new Date().toISOString();
  const ids = [];
  const started = Date.now();
  for (let start = 0; start < USERS; start += 1000) {
    const rows = [];
    for (let i = start; i < Math.min(USERS, start + 1000); i++) {
      const id = crypto.randomUUID();
      ids.push(id);
      const userName = `User${i}@Bench.Example`;
      const data = {
        userName,
        active: true,
        displayName: `User ${i}`,
        name: { givenName: 'User', familyName: String(i) },
        emails: [{ type: 'work', primary: true, value: userName }],
        'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User': {
          department: 'Bench',
        },
      };
      rows.push({
        id,
        user_name: userName,
        user_name_norm: userName.toLowerCase(),
        external_id: `ext-${i}`,
        display_name: data.displayName,
        active: true,
        data: JSON.stringify(data),
        version: 1,
        created_at: now,
        updated_at: now,
      });
    }
    await db.batchInsert('scim_users', rows, 250);
  }
  const seedMs = Date.now() - started;
  const groupId = crypto.randomUUID();
  await db('scim_groups').insert({
    id: groupId,
    display_name: 'Bench group',
    display_name_norm: 'bench group',
    external_id: null,
    data: JSON.stringify({ displayName: 'Bench group' }),
    version: 1,
    created_at: now,
    updated_at: now,
  });
  const members = ids
    .slice(0, GROUP_MEMBERS)
    .map(user_id => ({ group_id: groupId, user_id }));
  await db.batchInsert('scim_group_members', members, 250);
  return { ids, groupId, seedMs };
}

async function load(url, options) {
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: DURATION,
    ...options,
  });
  return {
    rps: result.requests.average,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
    detail: `${result.errors} socket errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx`,
  };
}

async function timeRequest(method, url, token, body) {
  const started = process.hrtime.bigint();
  const res = await fetch(url, {
    method,
    headers: {
      Authorization: `Bearer ${token}`,
      'Content-Type': 'application/scim+json',
    },
    body: body && JSON.stringify(body),
  });
  await res.arrayBuffer();
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status}`);
  return Number(process.hrtime.bigint() - started) / 1e6;
}

/**
 * Waits until the catalog module has done its first full read and follows
 * the change feed: a user written over SCIM shows up in the catalog. Only
 * then may the seed bypass the feed without the catalog reading it.
 */
async function catalogFollowsFeed(backend, token) {
  const res = await fetch(`${backend.url}/api/scim/v2/Users`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/scim+json' },
    body: JSON.stringify({ userName: 'bench-marker@bench.example', active: true }),
  });
  if (!res.ok) throw new Error(`marker user: ${res.status}`);
  const { id } = await res.json();
  const query = `filter=${encodeURIComponent(`kind=user,metadata.annotations.scim.backstage.io/id=${id}`)}`;
  for (let i = 0; i < 120; i++) {
    const found = await fetch(`${backend.url}/api/catalog/entities/by-query?${query}`, {
      headers: { Authorization: `Bearer ${backend.adminToken}` },
    });
    if (found.ok && (await found.json()).items.length > 0) {
      await backend.waitForIdle();
      return;
    }
    await sleep(500);
  }
  throw new Error('the catalog did not pick up the marker user within 60 s');
}

async function benchEngine(engine, bare) {
  log(`\n### ${engine}: starting backend`);
  const backend = await startBackend({
    engine,
    port: PORT,
    // Seeding below bypasses the change feed, so the catalog does not
    // ingest the 100k seeded users (bench:catalog measures that); what the
    // load itself writes, it ingests as in production. The module's first
    // poll reads everything (nothing yet); its scheduled full reconcile is
    // put off so that it cannot read the seed during the run.
    config: {
      catalog: {
        locations: [],
        providers: {
          scim: {
            schedule: {
              frequency: { hours: 24 },
              timeout: { minutes: 10 },
              initialDelay: { hours: 12 },
            },
          },
        },
      },
    },
  });
  try {
    const token = await backend.enableScim();
    await catalogFollowsFeed(backend, token);
    const { ids, groupId, seedMs } = await seed(backend.scimDb);
    log(
      `seeded ${USERS} users in ${seedMs} ms (${Math.round(
        USERS / (seedMs / 1000),
      )} rows/s), group of ${GROUP_MEMBERS}`,
    );
    const scim = `http://localhost:${PORT}/api/scim/v2`;
    const auth = { authorization: `Bearer ${token}` };

    const rounds = [];
    for (let round = 0; round < ROUNDS; round++) {
      let n = 0;
      const cases = {
        bareGet: () => load(`${bare}/small`, {}),
        // Ceilings: Backstage's default chain to a plugin route, and our
        // bearer check plus the provisioning log around a constant body.
        pluginHealth: () => load(`http://localhost:${PORT}/api/scim/health`, {}),
        scimConfig: () => load(`${scim}/ServiceProviderConfig`, { headers: auth }),
        scimGet: () =>
          load(`${scim}/Users`, {
            headers: auth,
            requests: [
              {
                setupRequest: req => ({
                  ...req,
                  path: `/api/scim/v2/Users?filter=${encodeURIComponent(
                    `userName eq "USER${Math.floor(
                      Math.random() * USERS,
                    )}@bench.example"`,
                  )}`,
                }),
              },
            ],
          }),
        barePost: () =>
          load(`${bare}/small`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ userName: 'x', pad: 'p'.repeat(900) }),
          }),
        scimPost: () =>
          load(`${scim}/Users`, {
            method: 'POST',
            headers: { ...auth, 'content-type': 'application/scim+json' },
            requests: [
              {
                setupRequest: req => ({
                  ...req,
                  body: JSON.stringify({
                    schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
                    userName: `post-${round}-${n++}@bench.example`,
                    active: true,
                    displayName: 'Posted User',
                    name: {
                      givenName: 'Posted',
                      familyName: 'User',
                      formatted: 'Posted User',
                    },
                    emails: [
                      {
                        primary: true,
                        type: 'work',
                        value: `post-${round}-${n}@bench.example`,
                      },
                    ],
                    externalId: crypto.randomUUID(),
                    pad: 'p'.repeat(500),
                  }),
                }),
              },
            ],
          }),
      };
      const order = Object.keys(cases).sort(() => Math.random() - 0.5);
      const results = {};
      for (const name of order) {
        const waited = await backend.waitForIdle();
        if (waited > 5000) {
          log(`  (waited ${Math.round(waited / 1000)} s for the backend to go idle before ${name})`);
        }
        results[name] = await cases[name]();
      }
      rounds.push(results);
      const figures = Object.entries(results).map(
        ([k, v]) =>
          `${k} ${Math.round(v.rps)} rps p99 ${v.p99} ms${
            v.errors ? ` (${v.errors} errors)` : ''
          }`,
      );
      log(`round ${round + 1}: ${figures.join(', ')}`);
    }
    const ratio = (a, b) => median(rounds.map(r => r[a].rps / r[b].rps));

    // PATCH adding PATCH_MEMBERS members, half of them already in the group.
    const half = Math.floor(PATCH_MEMBERS / 2);
    const patchIds = [
      ...ids.slice(0, half),
      ...ids.slice(GROUP_MEMBERS, GROUP_MEMBERS + PATCH_MEMBERS - half),
    ];
    const patchBody = {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
      Operations: [
        {
          op: 'Add',
          path: 'members',
          value: patchIds.map(value => ({ $ref: null, value })),
        },
      ],
    };
    await backend.waitForIdle();
    const patchBigMs = await timeRequest(
      'PATCH',
      `${scim}/Groups/${groupId}`,
      token,
      patchBody,
    );
    const addOne = [];
    for (let i = 0; i < 20; i++) {
      addOne.push(
        await timeRequest('PATCH', `${scim}/Groups/${groupId}`, token, {
          schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
          Operations: [
            {
              op: 'Add',
              path: 'members',
              value: [{ value: ids[GROUP_MEMBERS + PATCH_MEMBERS + i] }],
            },
          ],
        }),
      );
    }
    await backend.waitForIdle();
    const getExcluded = [];
    for (let i = 0; i < 30; i++) {
      getExcluded.push(
        await timeRequest(
          'GET',
          `${scim}/Groups/${groupId}?excludedAttributes=members`,
          token,
        ),
      );
    }
    const getFull = await timeRequest(
      'GET',
      `${scim}/Groups/${groupId}`,
      token,
    );
    const memory = backend.peakMemoryMb();

    return {
      engine,
      getRatio: ratio('scimGet', 'bareGet'),
      healthRatio: ratio('pluginHealth', 'bareGet'),
      configRatio: ratio('scimConfig', 'bareGet'),
      postRatio: ratio('scimPost', 'barePost'),
      scimGetRps: median(rounds.map(r => r.scimGet.rps)),
      scimGetP99: median(rounds.map(r => r.scimGet.p99)),
      bareGetP99: median(rounds.map(r => r.bareGet.p99)),
      scimPostRps: median(rounds.map(r => r.scimPost.rps)),
      errors: rounds.reduce(
        (sum, r) => sum + r.scimGet.errors + r.scimPost.errors,
        0,
      ),
      patchBigMs,
      addOneMs: median(addOne),
      getExcludedMs: median(getExcluded),
      getFullMs: getFull,
      memory,
      seedMs,
    };
  } finally {
    await backend.stop();
  }
}

function report(r) {
  const getTarget = r.engine === 'sqlite' ? 0.5 : 0.3;
  const patchTarget = r.engine === 'sqlite' ? 1000 : 2000;
  const row = (what, value, target, ok) =>
    log(
      `| ${r.engine} | ${what} | ${value} | ${target} | ${
        ok ? 'met' : 'NOT met'
      } |`,
    );
  row(
    'GET /Users?filter=userName eq, ratio to bare express GET',
    r.getRatio.toFixed(2),
    `>= ${getTarget}`,
    r.getRatio >= getTarget,
  );
  row(
    'ceiling: GET /api/scim/health (Backstage default chain), ratio to bare GET',
    r.healthRatio.toFixed(2),
    'report',
    true,
  );
  row(
    'ceiling: GET /ServiceProviderConfig (bearer check, log, constant body), ratio',
    r.configRatio.toFixed(2),
    'report',
    true,
  );
  row(
    'GET filtered p99 ms (bare express p99)',
    `${r.scimGetP99} (${r.bareGetP99})`,
    '<= 3x bare',
    r.scimGetP99 <= 3 * Math.max(1, r.bareGetP99),
  );
  if (r.engine === 'sqlite') {
    row(
      'POST /Users, ratio to bare express POST 1 KB',
      r.postRatio.toFixed(2),
      '>= 0.40',
      r.postRatio >= 0.4,
    );
  } else {
    row('POST /Users rps', Math.round(r.scimPostRps), 'report', true);
  }
  row(
    `PATCH add ${PATCH_MEMBERS} members to ${GROUP_MEMBERS}-member group, ms`,
    Math.round(r.patchBigMs),
    `<= ${patchTarget}`,
    r.patchBigMs <= patchTarget,
  );
  row(
    'PATCH add 1 member to that group, ms (median of 20)',
    r.addOneMs.toFixed(1),
    '<= 25',
    r.addOneMs <= 25,
  );
  row(
    'GET /Groups/{id}?excludedAttributes=members, ms (median of 30)',
    r.getExcludedMs.toFixed(1),
    '<= 10',
    r.getExcludedMs <= 10,
  );
  row(
    `GET /Groups/{id} with ${
      GROUP_MEMBERS + PATCH_MEMBERS / 2 + 20
    } members, ms`,
    Math.round(r.getFullMs),
    'report',
    true,
  );
  row('backend peak RSS, MB', r.memory, '< 500', r.memory < 500);
  row('errors or non-2xx during load', r.errors, '0', r.errors === 0);
}

async function main() {
  const wanted = (process.env.BENCH_ENGINES ?? 'sqlite,pg').split(',');
  const engines = [];
  if (wanted.includes('sqlite')) engines.push('sqlite');
  if (wanted.includes('pg') && (await canConnect(5432))) engines.push('pg');
  const bare = await startBareExpress();
  const results = [];
  try {
    for (const engine of engines) {
      results.push(await benchEngine(engine, bare.url));
    }
  } finally {
    bare.child.kill();
  }
  log(
    `\n${USERS} users, ${CONNECTIONS} connections, ${ROUNDS} rounds x ${DURATION} s, medians; node ${
      process.version
    }, ${os.cpus().length} cores`,
  );
  log('| engine | measure | value | target | |');
  log('| --- | --- | --- | --- | --- |');
  results.forEach(report);
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
