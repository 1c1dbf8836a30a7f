/** The gateway's settings, validated at boot. */
import { z } from 'zod';
import { logLevelSchema, parseSettings } from '@app/config';
import { AuthSettings, readAuthSettings } from '@app/auth';
import { DatabaseSettings, readDatabaseSettings } from '@app/database';
import { RedisSettings, readRedisSettings } from '@app/events';

const gatewaySettingsSchema = z.object({
  GATEWAY_PORT: z.coerce.number().int().min(0).max(65_535).default(3001),
  LOG_LEVEL: logLevelSchema,
  // How often each gateway reads the access-change log (the backstop for a lost ACCESS_CHANGED message):
  // the longest a socket keeps a room its user has lost.
  ACCESS_RECHECK_MS: z.coerce.number().int().min(100).max(60_000).default(2000),
});

export interface GatewaySettings {
  port: number;
  logLevel: string;
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
    accessRecheckMs: data.ACCESS_RECHECK_MS,
    redis: readRedisSettings(env),
    database: readDatabaseSettings({ ...env, DATABASE_POOL_SIZE: env.DATABASE_POOL_SIZE ?? '4' }),
    auth: readAuthSettings(env),
  };
}
