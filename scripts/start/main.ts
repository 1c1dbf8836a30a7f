/**
 * Runs the whole of Resettle on one machine (`npm start`, after `npm run build`): PostgreSQL and Redis unless
 * DATABASE_URL and REDIS_URL name servers of your own, run secrets, migrations and the demo seed as the tables'
 * owner, then api, gateway and worker as the apps' login role, each waited for until it answers /health/ready.
 * Ctrl+C, SIGTERM or an app dying stops everything in order (scripts/start/run.ts). The apps never see
 * MIGRATION_DATABASE_URL: the owner's credentials go to the cli alone.
 */
import { assertBuilt, banner, READY_WAIT_SECONDS, runCli, startApps } from './apps';
import { log, logError } from './console';
import { startEmbeddedPostgres } from './embedded-postgres';
import { assertAppPortsFree, baseEnv, fillRunSecrets } from './environment';
import { grantAppGroupRole } from './postgres-sql';
import { findRedisServer, startRedis } from './redis';
import { StartRun } from './run';

async function main(run: StartRun): Promise<void> {
  run.installSignalHandlers();
  assertBuilt();
  const env = baseEnv(process.env, Boolean(process.stdout.isTTY));
  await assertAppPortsFree(env);
  // Sentinels named: the apps find the primary through them, so no Redis of our own either.
  const redisServer = env.REDIS_URL || env.REDIS_SENTINELS ? undefined : findRedisServer();

  const embedded = env.DATABASE_URL ? undefined : await startEmbeddedPostgres(run);
  if (embedded) {
    env.DATABASE_URL = embedded.appUrl;
    env.MIGRATION_DATABASE_URL = embedded.ownerUrl;
  } else log(describeOwnDatabase(env));
  if (redisServer) env.REDIS_URL = await startRedis(run, redisServer);
  else
    log(
      env.REDIS_SENTINELS ? `Using Redis through the Sentinels ${env.REDIS_SENTINELS}.` : 'Using Redis from REDIS_URL.',
    );
  const notes = fillRunSecrets(env);
  if (!env.NOTIFY_API_KEY) log('GOV.UK Notify: no API key, messages go to the log (set NOTIFY_API_KEY to send them).');

  await runCli(run, ['migrate'], env);
  if (embedded) await grantAppGroupRole(embedded.port);
  await runCli(run, ['seed', '--if-empty'], env);
  const pending = await startApps(run, env);
  if (pending.length > 0) notes.push(`not ready yet after ${READY_WAIT_SECONDS}s: ${pending.join(', ')}`);
  log(banner(env, notes));
}

function describeOwnDatabase(env: NodeJS.ProcessEnv): string {
  return env.MIGRATION_DATABASE_URL
    ? 'Using PostgreSQL from DATABASE_URL (apps) and MIGRATION_DATABASE_URL (migrations and seed).'
    : 'Using PostgreSQL from DATABASE_URL (MIGRATION_DATABASE_URL is unset: migrations and seed use it too).';
}

const run = new StartRun();
main(run).catch((error: unknown) => {
  if (run.stopping) return;
  logError(error instanceof Error ? error.message : String(error));
  void run.shutdown(1);
});
