/** The gateway's settings, validated at boot. */
import { z } from 'zod';
import { logLevelSchema, parseSettings } from '@app/config';
import { AuthSettings, readAuthSettings } from '@app/auth';
import { DatabaseSettings, readDatabaseSettings } from '@app/database';
import { RedisSettings, readRedisSettings } from '@app/events';
import { allowedOriginsSchema } from './allowed-origins';

const gatewaySettingsSchema = z.object({
  GATEWAY_PORT: z.coerce.number().int().min(0).max(65_535).default(3001),
  LOG_LEVEL: logLevelSchema,
  GATEWAY_ALLOWED_ORIGINS: allowedOriginsSchema,
});

export interface GatewaySettings {
  port: number;
  logLevel: string;
  /** Web origins whose pages may open a socket (a request with no Origin is not a browser's: see socket-origins.ts). */
  allowedOrigins: string[];
  redis: RedisSettings;
  database: DatabaseSettings;
  auth: AuthSettings;
}

export function readGatewaySettings(env: NodeJS.ProcessEnv = process.env): GatewaySettings {
  const data = parseSettings(gatewaySettingsSchema, env, 'gateway');
  return {
    port: data.GATEWAY_PORT,
    logLevel: data.LOG_LEVEL,
    allowedOrigins: data.GATEWAY_ALLOWED_ORIGINS,
    redis: readRedisSettings(env),
    database: readDatabaseSettings({ ...env, DATABASE_POOL_SIZE: env.DATABASE_POOL_SIZE ?? '4' }),
    auth: readAuthSettings(env),
  };
}
