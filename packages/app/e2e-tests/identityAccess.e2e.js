/*
 * End-to-end test of the Identity and access page in a real headless Chromium
 * against the real app and backend (started here, on a throwaway SQLite
 * directory and their own ports): enable SCIM, generate a token, use it for
 * SCIM requests, see the provisioned user and group reach the catalog and the
 * Users and Groups screens, give the group a role and see it on the user,
 * find the requests in the provisioning log, revoke the token. Screenshots go to test-results/e2e/.
 *
 *   node --test packages/app/e2e-tests/identityAccess.e2e.js
 */
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { chromium } = require('playwright-core');

const ROOT = path.resolve(__dirname, '../../..');
const APP = 'http://localhost:3030';
const BACKEND = 'http://localhost:7030';
const STATIC_TOKEN = 'dev-only-static-token-do-not-use-in-production';
const SHOTS = path.join(ROOT, 'test-results/e2e');

let portal;
let browser;
let page;
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'scim-e2e-'));

async function waitFor(check, what, timeoutMs = 180_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const result = await check();
      if (result) return result;
    } catch {
      // not yet
    }
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise(r => setTimeout(r, 500));
  }
}

const scim = (token, method, route, body) =>
  fetch(`${BACKEND}/api/scim/v2${route}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/scim+json' },
    body: body && JSON.stringify(body),
  });

before(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  const config = path.join(workDir, 'e2e-config.yaml');
  fs.writeFileSync(
    config,
    JSON.stringify({
      app: { baseUrl: APP },
      backend: {
        baseUrl: BACKEND,
        listen: { port: 7030 },
        cors: { origin: APP },
        database: { client: 'better-sqlite3', connection: { directory: workDir } },
      },
    }),
  );
  // Own process group, so stopping it stops the app and backend children too.
  portal = spawn(
    process.execPath,
    [
      path.join(ROOT, '.yarn/releases/yarn-4.13.0.cjs'),
      'backstage-cli', 'repo', 'start',
      '--config', path.join(ROOT, 'app-config.yaml'),
      '--config', config,
    ],
    { cwd: ROOT, detached: true, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  await waitFor(async () => (await fetch(`${BACKEND}/api/scim/health`)).ok, 'the backend');
  await waitFor(async () => (await fetch(APP)).ok, 'the app');
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
});

after(async () => {
  await browser?.close();
  if (portal) {
    try {
      process.kill(-portal.pid, 'SIGTERM');
    } catch {
      // already stopped
    }
  }
  fs.rmSync(workDir, { recursive: true, force: true });
});

let token;

test('a guest reaches the Identity and access page from the sidebar', async () => {
  await page.goto(`${APP}/`, { waitUntil: 'load' });
  await page.getByRole('button', { name: /enter/i }).click({ timeout: 60_000 });
  await page.getByRole('link', { name: 'Identity and access' }).click({ timeout: 60_000 });
  await page.getByRole('heading', { name: 'Identity and access' }).waitFor({ timeout: 60_000 });
  assert.equal(new URL(page.url()).pathname.startsWith('/identity-access'), true);
  await page.getByText('Automated user provisioning with SCIM').first().waitFor();
  const baseUrl = page.getByLabel('SCIM base URL', { exact: true });
  assert.equal(await baseUrl.inputValue(), `${BACKEND}/api/scim/v2`);
});

test('an admin enables provisioning and generates a token shown once', async () => {
  const sync = page.getByRole('checkbox', { name: 'Enable SCIM provisioning' });
  assert.equal(await sync.isChecked(), false);
  await sync.click();
  await waitFor(async () => sync.isChecked(), 'the switch to turn on', 10_000);
  await page.screenshot({ path: path.join(SHOTS, 'scim-setup.png'), fullPage: true });

  await page.getByRole('button', { name: 'Generate token' }).first().click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('radio', { name: '30 days' }).check();
  await dialog.getByLabel('Description (optional)').fill('Entra (e2e)');
  await dialog.getByRole('button', { name: 'Generate token' }).click();
  const field = dialog.getByLabel('Token', { exact: true });
  await field.waitFor();
  token = await field.inputValue();
  assert.match(token, /^bscim_[A-Za-z0-9_-]{43}$/);
  await dialog.getByText(/you will not be able to see it again/i).waitFor();
  await page.screenshot({ path: path.join(SHOTS, 'token-generated.png') });
  await dialog.getByRole('button', { name: 'Done' }).click();
  await page.getByRole('cell', { name: 'Entra (e2e)' }).first().waitFor();
  assert.equal(await page.getByText(token).count(), 0, 'the token is not shown again');
});

test('Entra-style SCIM requests succeed with the token and reach the catalog', async () => {
  const probe = await scim(token, 'GET', '/Users?filter=userName%20eq%20%22e2e-probe%22');
  assert.equal(probe.status, 200);
  const user = await scim(token, 'POST', '/Users', {
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
    userName: 'grace.hopper@example.com',
    displayName: 'Grace Hopper',
    active: true,
    emails: [{ primary: true, type: 'work', value: 'grace.hopper@example.com' }],
  });
  assert.equal(user.status, 201);
  const userId = (await user.json()).id;
  const group = await scim(token, 'POST', '/Groups', {
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'],
    displayName: 'Compilers',
  });
  assert.equal(group.status, 201);
  const groupId = (await group.json()).id;
  const patch = await scim(token, 'PATCH', `/Groups/${groupId}`, {
    schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
    Operations: [{ op: 'Add', path: 'members', value: [{ $ref: null, value: userId }] }],
  });
  assert.equal(patch.status, 204);

  // The catalog module turns them into entities within seconds.
  const catalog = async filter => {
    const res = await fetch(
      `${BACKEND}/api/catalog/entities/by-query?filter=${encodeURIComponent(filter)}`,
      { headers: { Authorization: `Bearer ${STATIC_TOKEN}` } },
    );
    return (await res.json()).items;
  };
  const [groupEntity] = await waitFor(
    async () => {
      const items = await catalog(`kind=group,metadata.annotations.scim.backstage.io/id=${groupId}`);
      const members = items[0]?.relations?.filter(r => r.type === 'hasMember') ?? [];
      return members.length === 1 && items;
    },
    'the group and its member in the catalog',
    30_000,
  );
  assert.equal(groupEntity.metadata.labels['scim.backstage.io/managed-by'], 'identity-provider');
  const [userEntity] = await catalog(`kind=user,metadata.annotations.scim.backstage.io/id=${userId}`);
  assert.equal(userEntity.spec.profile.email, 'grace.hopper@example.com');
  assert.equal(userEntity.metadata.annotations['microsoft.com/email'], 'grace.hopper@example.com');
});

test('the Groups screen shows the IdP group and assigns it the catalog viewer role', async () => {
  await page.getByRole('tab', { name: 'Groups' }).click();
  await page.getByRole('columnheader', { name: 'Managed by' }).waitFor({ timeout: 30_000 });
  const row = page.getByRole('row', { name: /Compilers/ });
  await row.getByText('Identity provider').waitFor({ timeout: 30_000 });
  await row.getByRole('button', { name: 'Update group access for Compilers' }).click();
  const dialog = page.getByRole('dialog', { name: /Update group access/ });
  await dialog.getByRole('checkbox', { name: 'Software Catalog', exact: true }).check();
  await dialog.getByRole('checkbox', { name: 'Software Catalog: Viewer' }).check();
  await page.screenshot({ path: path.join(SHOTS, 'group-access.png') });
  await dialog.getByRole('button', { name: 'Assign access' }).click();
  await dialog.waitFor({ state: 'detached' });
  await row.getByText(/Software Catalog: Viewer/).waitFor({ timeout: 10_000 });
  await page.screenshot({ path: path.join(SHOTS, 'groups.png'), fullPage: true });
});

test('the Users screen shows the provisioned user with the role from the group', async () => {
  await page.getByRole('tab', { name: 'Users' }).click();
  const row = page.getByRole('row', { name: /Grace Hopper/ });
  await row.getByText('SCIM').waitFor({ timeout: 30_000 });
  await row.getByText('Active').waitFor();
  await page.screenshot({ path: path.join(SHOTS, 'users.png'), fullPage: true });
  await row.getByRole('button', { name: /View access of Grace Hopper/ }).click();
  const dialog = page.getByRole('dialog', { name: /Access of Grace Hopper/ });
  const effective = dialog.getByRole('list', { name: 'Effective roles' });
  // The user's catalog memberships feed the effective roles within seconds.
  await effective.getByText(/Software Catalog/).waitFor({ timeout: 30_000 });
  await effective.getByText(/compilers/i).waitFor();
  await page.screenshot({ path: path.join(SHOTS, 'user-access.png') });
  await dialog.getByRole('button', { name: 'Close' }).click();
});

test('the Provisioning logs screen lists the SCIM requests Entra made', async () => {
  await page.getByRole('tab', { name: 'Provisioning logs' }).click();
  const created = page.getByRole('row', { name: /create.*grace\.hopper@example\.com/i });
  await created.first().waitFor({ timeout: 30_000 });
  await created.first().getByRole('button', { name: /details/i }).click();
  const drawer = page.getByRole('dialog');
  await drawer.getByText('Request body').waitFor();
  await drawer.getByText(/"userName": "grace\.hopper@example\.com"/).first().waitFor();
  assert.equal(await drawer.getByText(token).count(), 0, 'the token is never in the log');
  await page.screenshot({ path: path.join(SHOTS, 'provisioning-logs.png'), fullPage: true });
  await drawer.getByRole('button', { name: 'Close' }).click();
  await page.getByRole('tab', { name: 'Automated user provisioning with SCIM' }).click();
});

test('revoking the token in the page locks Entra out at once', async () => {
  await page.getByRole('button', { name: /Revoke token Entra \(e2e\)/ }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Revoke' }).click();
  await page.getByRole('cell', { name: 'Revoked' }).or(page.getByText('Revoked')).first().waitFor();
  await page.screenshot({ path: path.join(SHOTS, 'token-revoked.png'), fullPage: true });
  const refused = await scim(token, 'GET', '/Users');
  assert.equal(refused.status, 401);
  assert.equal(refused.headers.get('www-authenticate'), 'Bearer');
});
