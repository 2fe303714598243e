#!/usr/bin/env node
/*
 * One command that runs every check: install, type check, lint, unit and
 * integration tests (SQLite always, PostgreSQL when reachable, mandatory in
 * CI). Ends with the line `N passed, N failed`.
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const { install, yarn, root } = require('./yarn');

const PG_ENV = 'BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING';

function canConnect(port, host) {
  return new Promise(resolve => {
    const socket = net.connect({ port, host });
    socket.setTimeout(1000);
    socket.on('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
    socket.on('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

/** The end-to-end tests in headless Chromium, counted from node's TAP output. */
function runBrowserTests() {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!fs.existsSync(chromium)) {
    if (process.env.CI) {
      console.error(`${chromium} is missing: browser tests cannot run`);
      return { passed: 0, failed: 1 };
    }
    console.warn(`${chromium} not found: browser tests skipped (apt-get install chromium)`);
    return { passed: 0, failed: 0 };
  }
  const dir = path.join(root, 'packages/app/e2e-tests');
  const files = fs.readdirSync(dir).filter(f => f.endsWith('.e2e.js')).map(f => path.join(dir, f));
  const result = spawnSync(
    process.execPath,
    ['--test', '--test-reporter=tap', ...files],
    { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
  );
  process.stdout.write(result.stdout);
  const count = name => Number(new RegExp(`^# ${name} (\\d+)$`, 'm').exec(result.stdout)?.[1] ?? 0);
  const e2ePassed = count('pass');
  // A run that failed without a failing test, or ran none, is a failure too.
  const e2eFailed =
    count('fail') + ((result.status !== 0 && count('fail') === 0) || e2ePassed === 0 ? 1 : 0);
  console.log(`\n== browser tests: ${e2ePassed} passed, ${e2eFailed} failed`);
  return { passed: e2ePassed, failed: e2eFailed };
}

async function main() {
  install();

  // There is no Docker engine for TestDatabases; use the local server instead.
  process.env.BACKSTAGE_TEST_DISABLE_DOCKER = '1';
  if (!process.env[PG_ENV] && (await canConnect(5432, '127.0.0.1'))) {
    process.env[PG_ENV] = 'postgresql://postgres@127.0.0.1:5432';
  }
  if (!process.env[PG_ENV]) {
    if (process.env.CI) {
      console.error(`${PG_ENV} is not set and PostgreSQL is not reachable`);
      process.exit(1);
    }
    console.warn('PostgreSQL not reachable on 127.0.0.1:5432: database tests run on SQLite only');
  }

  let passed = 0;
  let failed = 0;
  // Type check and lint are gates, not tests: a failure counts, a pass does not.
  const step = (name, ok) => {
    console.log(`\n== ${name}: ${ok ? 'ok' : 'FAILED'}`);
    if (!ok) failed += 1;
  };

  step('type check (tsc)', yarn(['tsc']) === 0);
  step('lint', yarn(['backstage-cli', 'repo', 'lint']) === 0);

  const report = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'jest-')), 'report.json');
  const jestStatus = yarn([
    'backstage-cli', 'repo', 'test', '--ci', '--watchAll=false', '--json', `--outputFile=${report}`,
  ]);
  if (fs.existsSync(report)) {
    const result = JSON.parse(fs.readFileSync(report, 'utf8'));
    passed += result.numPassedTests;
    failed += result.numFailedTests + result.numRuntimeErrorTestSuites;
    if (jestStatus !== 0 && result.numFailedTests === 0 && result.numRuntimeErrorTestSuites === 0) {
      failed += 1; // jest failed for another reason (e.g. coverage or config)
    }
  } else {
    failed += 1;
  }
  const e2e = runBrowserTests();
  passed += e2e.passed;
  failed += e2e.failed;

  console.log(`\n${passed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
}

main().catch(error => {
  console.error(error);
  console.log('0 passed, 1 failed');
  process.exit(1);
});
