/** The gateway's settings, validated at boot. */
import { hostname } from 'node:os';
import { z } from 'zod';
import { LogFormat, logFormatSchema, logLevelSchema, parseSettings } from '@app/config';
import { AuthSettings, readAuthSettings } from '@app/auth';
import { DatabaseSettings, readDatabaseSettings } from '@app/database';
import { RedisSettings, readRedisSettings } from '@app/events';
import { allowedOriginsSchema } from './allowed-origins';

const gatewaySettingsSchema = z.object({
  GATEWAY_PORT: z.coerce.number().int().min(0).max(65_535).default(3001),
  LOG_LEVEL: logLevelSchema,
  LOG_FORMAT: logFormatSchema,
  // Names this gateway's Redis connections in CLIENT LIST (default: host and process id).
  GATEWAY_NAME: z
    .string()
    .regex(/^[A-Za-z0-9_.-]+$/, 'GATEWAY_NAME may hold letters, digits, _ . -')
    .optional(),
  GATEWAY_HEARTBEAT_MS: z.coerce.number().int().min(200).default(5000),
  GATEWAY_CANARY_MS: z.coerce.number().int().min(100).default(2000),
  // A gateway deaf for this long exits (code 1) so that its supervisor restarts it; 0 never exits.
  GATEWAY_DEAF_EXIT_MS: z.coerce.number().int().min(0).default(60_000),
  GATEWAY_ALLOWED_ORIGINS: allowedOriginsSchema,
  // How often each gateway reads the access-change log (the backstop for a lost ACCESS_CHANGED message):
  // the longest a socket keeps a room its user has lost.
  ACCESS_RECHECK_MS: z.coerce.number().int().min(100).max(60_000).default(2000),
});

export interface GatewaySettings {
  port: number;
  logLevel: string;
  logFormat: LogFormat;
  name: string;
  /** How often each socket is told the newest published sequence of its rooms. */
  heartbeatMs: number;
  /** How often the adapter's subscription is proved with a canary through Redis. */
  canaryMs: number;
  deafExitMs: number;
  /** Web origins whose pages may open a socket (a request with no Origin is not a browser's: see socket-origins.ts). */
  allowedOrigins: string[];
  accessRecheckMs: number;
  redis: RedisSettings;
  database: DatabaseSettings;
  auth: AuthSettings;
}

/** Nest injection token for the GatewaySettings the process was started with. */
export const GATEWAY_SETTINGS = Symbol('GATEWAY_SETTINGS');

export function readGatewaySettings(env: NodeJS.ProcessEnv = process.env): GatewaySettings {
  const data = parseSettings(gatewaySettingsSchema, env, 'gateway');
  return {
    port: data.GATEWAY_PORT,
    logLevel: data.LOG_LEVEL,
    logFormat: data.LOG_FORMAT,
    name: data.GATEWAY_NAME ?? `${hostname()}-${process.pid}`,
    heartbeatMs: data.GATEWAY_HEARTBEAT_MS,
    canaryMs: data.GATEWAY_CANARY_MS,
    deafExitMs: data.GATEWAY_DEAF_EXIT_MS,
    allowedOrigins: data.GATEWAY_ALLOWED_ORIGINS,
    accessRecheckMs: data.ACCESS_RECHECK_MS,
    redis: readRedisSettings(env),
    database: readDatabaseSettings({ ...env, DATABASE_POOL_SIZE: env.DATABASE_POOL_SIZE ?? '4' }),
    auth: readAuthSettings(env),
  };
}
