/**
 * The apps' settings as `npm start` supplies them: the developer's environment, with local defaults for what is
 * unset. Each app validates its own settings at boot; this only fills them in.
 */
import { randomBytes } from 'node:crypto';
import { canListen } from '../supervisor';
import { log } from './console';

export const APPS = ['api', 'gateway', 'worker'] as const;
export type AppName = (typeof APPS)[number];

const DEFAULTS: Record<string, string> = {
  REDIS_PREFIX: 'resettle',
  API_PORT: '3000',
  GATEWAY_PORT: '3001',
  WORKER_PORT: '3002',
  LOG_LEVEL: 'info',
  NODE_ENV: 'development',
};

export function portOf(env: NodeJS.ProcessEnv, app: AppName): number {
  return Number(env[portVariable(app)]);
}

function portVariable(app: AppName): string {
  return `${app.toUpperCase()}_PORT`;
}

/** `parent` with local defaults; `terminal` says whether a person reads our output (process.stdout.isTTY). */
export function baseEnv(parent: NodeJS.ProcessEnv, terminal: boolean): NodeJS.ProcessEnv {
  const env = { ...parent };
  for (const [key, value] of Object.entries(DEFAULTS)) if (!env[key]) env[key] = value;
  // Pino's pretty printer for a person at a terminal; JSON lines otherwise (a pipe, a file, a log collector).
  env.LOG_FORMAT ||= terminal ? 'pretty' : 'json';
  // The web app is served by the API, so its pages' origin is the API's: the only pages the gateway admits.
  env.GATEWAY_ALLOWED_ORIGINS ||= `http://localhost:${env.API_PORT},http://127.0.0.1:${env.API_PORT}`;
  // Pages find the gateway at port 3001 of their host unless told otherwise (and the CSP admits only that), so a
  // gateway on another port is named to them.
  if (!env.PUBLIC_GATEWAY_URL && env.GATEWAY_PORT !== '3001') {
    env.PUBLIC_GATEWAY_URL = `http://localhost:${env.GATEWAY_PORT}`;
  }
  return env;
}

export async function assertAppPortsFree(env: NodeJS.ProcessEnv): Promise<void> {
  for (const app of APPS) {
    const port = portOf(env, app);
    if (!(await canListen(port))) {
      const variable = portVariable(app);
      throw new Error(`Port ${port} (${variable}) is already in use. Stop whatever uses it, or set ${variable}.`);
    }
  }
}

/** Random secrets for this run where none are set; returns the notes the banner shows about them. */
export function fillRunSecrets(env: NodeJS.ProcessEnv): string[] {
  const notes: string[] = [];
  if (!env.JWT_SECRET) {
    env.JWT_SECRET = randomBytes(48).toString('base64url');
    log('JWT_SECRET is not set: generated a random one for this run. Tokens will not survive a restart.');
    notes.push('JWT_SECRET is random for this run; set it to keep tokens valid across restarts.');
  }
  if (!env.HMPPS_EVENTS_TOKEN) {
    env.HMPPS_EVENTS_TOKEN = randomBytes(32).toString('base64url');
    notes.push(`HMPPS events (POST /hmpps/domain-events) take the bearer token ${env.HMPPS_EVENTS_TOKEN} this run.`);
  }
  return notes;
}
