#!/usr/bin/env node
/*
 * One command for a newcomer: install what is missing, then start the portal
 * (app on http://localhost:3000, backend on http://localhost:7007) on the
 * embedded SQLite database in ./data/sqlite.
 */
const { install, yarn } = require('./yarn');

install();
process.exit(yarn(['start']));
