#!/usr/bin/env node
/*
 * Catalog ingestion benchmark: starts the real backend (catalog + SCIM plugin
 * + catalog module) on a throwaway SQLite database and measures
 *  1. how long a SCIM write takes to show in the catalog REST API (p50/p95),
 *  2. provisioning BENCH_USERS users and BENCH_GROUPS groups over SCIM (one
 *     group with BENCH_BIG_GROUP members), the time until the catalog holds
 *     all of them with the big group's memberships, and the backend's peak memory.
 * It prints figures and asserts nothing.
 *
 *   npm run bench:catalog   BENCH_USERS=20000 BENCH_GROUPS=1000 BENCH_BIG_GROUP=10000
 */
const { sleep, startBackend } = require('./lib/backend');

const USERS = Number(process.env.BENCH_USERS ?? 20_000);
const GROUPS = Number(process.env.BENCH_GROUPS ?? 1_000);
const BIG_GROUP = Math.min(USERS, Number(process.env.BENCH_BIG_GROUP ?? 10_000));
const LATENCY_SAMPLES = Number(process.env.BENCH_LATENCY_SAMPLES ?? 40);
const CONCURRENCY = 10;
const PORT = 7079;
const log = (...args) => console.log(...args);
const percentile = (values, p) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))];

async function main() {
  const backend = await startBackend({ engine: 'sqlite', port: PORT });
  try {
    const token = await backend.enableScim();
    const scim = async (method, route, body) => {
      const res = await fetch(`${backend.url}/api/scim/v2${route}`, {
        method,
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/scim+json' },
        body: body && JSON.stringify(body),
      });
      if (!res.ok) throw new Error(`${method} ${route}: ${res.status} ${await res.text()}`);
      return res.status === 204 ? undefined : res.json();
    };
    const catalog = async query => {
      const res = await fetch(`${backend.url}/api/catalog/entities/by-query?${query}`, {
        headers: { Authorization: `Bearer ${backend.adminToken}` },
      });
      if (!res.ok) throw new Error(`catalog: ${res.status}`);
      return res.json();
    };
    const inCatalog = async (kind, id) =>
      (await catalog(`filter=${encodeURIComponent(`kind=${kind},metadata.annotations.scim.backstage.io/id=${id}`)}`))
        .items[0];

    // 1. Latency of single writes, one after the other.
    const latencies = [];
    for (let i = 0; i < LATENCY_SAMPLES; i++) {
      const started = Date.now();
      const { id } = await scim('POST', '/Users', { userName: `latency-${i}@bench.example`, active: true });
      while (!(await inCatalog('user', id))) {
        await sleep(50);
      }
      latencies.push(Date.now() - started);
    }
    log(
      `SCIM write → catalog API: p50 ${percentile(latencies, 0.5)} ms, p95 ${percentile(latencies, 0.95)} ms, ` +
        `max ${Math.max(...latencies)} ms (${LATENCY_SAMPLES} samples)`,
    );

    // 2. Scale: users, groups and one big group, as Entra would send them (10 in parallel).
    const started = Date.now();
    const userIds = new Array(USERS);
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        for (let i = next++; i < USERS; i = next++) {
          const user = await scim('POST', '/Users', {
            userName: `user${i}@bench.example`,
            displayName: `User ${i}`,
            active: true,
            emails: [{ primary: true, type: 'work', value: `user${i}@bench.example` }],
          });
          userIds[i] = user.id;
        }
      }),
    );
    const usersMs = Date.now() - started;
    const groupIds = [];
    next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        for (let i = next++; i < GROUPS; i = next++) {
          groupIds[i] = (await scim('POST', '/Groups', { displayName: `Group ${i}` })).id;
          const members = [1, 2, 3].map(k => ({ value: userIds[(i * 7 + k) % USERS] }));
          await scim('PATCH', `/Groups/${groupIds[i]}`, {
            schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
            Operations: [{ op: 'Add', path: 'members', value: members }],
          });
        }
      }),
    );
    for (let i = 0; i < BIG_GROUP; i += 1000) {
      await scim('PATCH', `/Groups/${groupIds[0]}`, {
        schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
        Operations: [
          {
            op: 'Add',
            path: 'members',
            value: userIds.slice(i, Math.min(BIG_GROUP, i + 1000)).map(value => ({ $ref: null, value })),
          },
        ],
      });
    }
    const writesDone = Date.now();
    log(
      `provisioned ${USERS} users in ${Math.round(usersMs / 1000)} s, ${GROUPS} groups and a ${BIG_GROUP}-member group ` +
        `in ${Math.round((writesDone - started - usersMs) / 1000)} s`,
    );

    const managed = `filter=${encodeURIComponent('kind=user,metadata.labels.scim.backstage.io/managed-by=identity-provider')}&limit=1`;
    const managedGroups = `filter=${encodeURIComponent('kind=group,metadata.labels.scim.backstage.io/managed-by=identity-provider')}&limit=1`;
    for (;;) {
      const users = (await catalog(managed)).totalItems;
      const groups = (await catalog(managedGroups)).totalItems;
      const big = await inCatalog('group', groupIds[0]);
      const bigMembers = big?.relations?.filter(r => r.type === 'hasMember').length ?? 0;
      if (users >= USERS + LATENCY_SAMPLES && groups >= GROUPS && bigMembers >= BIG_GROUP) {
        break;
      }
      if (Date.now() - writesDone > 15 * 60_000) {
        log(`gave up: ${users} users, ${groups} groups, big group ${bigMembers} members`);
        break;
      }
      await sleep(1000);
    }
    const consistentMs = Date.now() - writesDone;
    log(`catalog consistent ${Math.round(consistentMs / 1000)} s after the last write ` +
      `(${Math.round((Date.now() - started) / 1000)} s after the first)`);
    log(`backend peak RSS: ${backend.peakMemoryMb()} MB`);
  } finally {
    await backend.stop();
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
