/** The API's settings, validated at boot: a missing or bad variable stops the process with its name. */
import { z } from 'zod';
import { LogFormat, logFormatSchema, logLevelSchema, parseSettings } from '@app/config';
import { AuthSettings, readAuthSettings } from '@app/auth';
import { DatabaseSettings, readDatabaseSettings } from '@app/database';
import { RedisSettings, readRedisSettings } from '@app/events';
import { HttpSecuritySettings, readHttpSecuritySettings } from './http-security.config';
import { LoginThrottleSettings, readLoginThrottleSettings } from './login-throttle.config';

const apiSettingsSchema = z.object({
  API_PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  REDIS_URL: z
    .url({ protocol: /^rediss?$/, error: 'REDIS_URL must be a redis:// URL' })
    .default('redis://127.0.0.1:6379'),
  REDIS_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_.-]+$/, 'REDIS_PREFIX may hold letters, digits, _ . -')
    .default('resettle'),
  LOG_LEVEL: logLevelSchema,
  LOG_FORMAT: logFormatSchema,
  BODY_LIMIT: z.string().default('100kb'),
  // The web app (apps/web, built by npm run build) served at /, and where its pages find the gateway.
  WEB_DIST_DIR: z.string().default('dist/web'),
  PUBLIC_GATEWAY_URL: z.preprocess(
    (value) => (value === '' ? undefined : value),
    z.url({ protocol: /^https?$/, error: 'PUBLIC_GATEWAY_URL must be an http(s) URL' }).optional(),
  ),
  // The shared secret HMPPS's event forwarder presents; without it the events endpoint answers 503.
  // Empty counts as unset, so compose can pass the variable through whether or not it is set.
  HMPPS_EVENTS_TOKEN: z.preprocess(
    (value) => (value === '' ? undefined : value),
    z.string().min(32, 'HMPPS_EVENTS_TOKEN must be at least 32 characters').optional(),
  ),
});

export interface ApiSettings {
  port: number;
  redis: RedisSettings;
  logLevel: string;
  logFormat: LogFormat;
  bodyLimit: string;
  hmppsEventsToken: string | null;
  webDistDir: string;
  /** Null: pages connect to port 3001 of the host that served them. */
  publicGatewayUrl: string | null;
  database: DatabaseSettings;
  auth: AuthSettings;
  http: HttpSecuritySettings;
  loginThrottle: LoginThrottleSettings;
}

export function readApiSettings(env: NodeJS.ProcessEnv = process.env): ApiSettings {
  const data = parseSettings(apiSettingsSchema, env, 'API');
  return {
    port: data.API_PORT,
    redis: readRedisSettings(env),
    logLevel: data.LOG_LEVEL,
    logFormat: data.LOG_FORMAT,
    bodyLimit: data.BODY_LIMIT,
    hmppsEventsToken: data.HMPPS_EVENTS_TOKEN ?? null,
    webDistDir: data.WEB_DIST_DIR,
    publicGatewayUrl: data.PUBLIC_GATEWAY_URL ?? null,
    database: readDatabaseSettings(env),
    auth: readAuthSettings(env),
    http: readHttpSecuritySettings(env),
    loginThrottle: readLoginThrottleSettings(env),
  };
}

export const API_SETTINGS = Symbol('API_SETTINGS');
