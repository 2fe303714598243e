/*
 * Runs the Yarn release committed in .yarn/releases, so a machine with only
 * Node.js and npm needs no global Yarn and no corepack download.
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const yarnRelease = path.join(root, '.yarn/releases/yarn-4.13.0.cjs');

/**
 * Native modules (better-sqlite3) build from source here. Yarn does not pass
 * npm's `nodedir`, and node-gyp cannot download headers offline, so point it
 * at the headers that ship with this Node.js installation.
 */
function nativeBuildEnv() {
  const env = { ...process.env };
  if (!env.npm_config_nodedir) {
    const prefix = path.dirname(path.dirname(process.execPath));
    if (fs.existsSync(path.join(prefix, 'include/node/node.h'))) {
      env.npm_config_nodedir = prefix;
    }
  }
  return env;
}

function yarn(args, options = {}) {
  const result = spawnSync(process.execPath, [yarnRelease, ...args], {
    cwd: root,
    stdio: 'inherit',
    env: nativeBuildEnv(),
    ...options,
  });
  return result.status ?? 1;
}

/** Installs dependencies; with the lockfile frozen in CI. */
function install() {
  const args = process.env.CI ? ['install', '--immutable'] : ['install'];
  if (yarn(args) !== 0) {
    console.error('Dependency installation failed');
    process.exit(1);
  }
}

module.exports = { root, yarn, install, nativeBuildEnv, yarnRelease };
