/**
 * Container health check: `node dist/scripts/healthcheck.js PORT` exits 0 when GET
 * http://127.0.0.1:PORT/health/ready answers 2xx within 4 seconds, 1 otherwise (the supervisor's own readiness
 * probe). It exists because the slim Node image has no curl or wget.
 */
import { isReady } from './supervisor/readiness';

const port = Number(process.argv[2]);
if (!Number.isInteger(port) || port <= 0) {
  console.error('usage: node dist/scripts/healthcheck.js PORT');
  process.exit(2);
}
void isReady(`http://127.0.0.1:${port}`, 4000).then((ready) => process.exit(ready ? 0 : 1));
