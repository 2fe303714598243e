/*
 * The reference server of the SCIM benchmark: bare express answering a small
 * JSON body (GET) and parsing a JSON body (POST). Runs in its own process.
 */
const express = require('express');

const app = express();
app.use(express.json({ type: ['application/json', 'application/scim+json'] }));
app.get('/small', (_req, res) => {
  res.json({
    schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'],
    totalResults: 0,
  });
});
app.post('/small', (req, res) => {
  res.status(201).json({ id: '1', userName: req.body.userName });
});
const server = app.listen(Number(process.argv[2] ?? 0), '127.0.0.1', () => {
  process.send?.({ port: server.address().port });
});
