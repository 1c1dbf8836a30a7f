/** The gateway's settings, validated at boot. */
import { z } from 'zod';
import { logLevelSchema, parseSettings } from '@app/config';
import { AuthSettings, readAuthSettings } from '@app/auth';
import { DatabaseSettings, readDatabaseSettings } from '@app/database';
import { RedisSettings, readRedisSettings } from '@app/events';

const gatewaySettingsSchema = z.object({
  GATEWAY_PORT: z.coerce.number().int().min(0).max(65_535).default(3001),
  LOG_LEVEL: logLevelSchema,
});

export interface GatewaySettings {
  port: number;
  logLevel: string;
  redis: RedisSettings;
  database: DatabaseSettings;
  auth: AuthSettings;
}

export function readGatewaySettings(env: NodeJS.ProcessEnv = process.env): GatewaySettings {
  const data = parseSettings(gatewaySettingsSchema, env, 'gateway');
  return {
    port: data.GATEWAY_PORT,
    logLevel: data.LOG_LEVEL,
    redis: readRedisSettings(env),
    database: readDatabaseSettings({ ...env, DATABASE_POOL_SIZE: env.DATABASE_POOL_SIZE ?? '4' }),
    auth: readAuthSettings(env),
  };
}
