#!/usr/bin/env node
/**
 * Container health check: `node scripts/healthcheck.js PORT` exits 0 when GET
 * http://127.0.0.1:PORT/health/ready answers 2xx within 4 seconds, 1 otherwise.
 * It exists because the slim Node image has no curl or wget.
 */
'use strict';

const port = Number(process.argv[2]);
if (!Number.isInteger(port) || port <= 0) {
  console.error('usage: node scripts/healthcheck.js PORT');
  process.exit(2);
}

fetch(`http://127.0.0.1:${port}/health/ready`, { signal: AbortSignal.timeout(4000) }).then(
  (response) => process.exit(response.ok ? 0 : 1),
  () => process.exit(1),
);
