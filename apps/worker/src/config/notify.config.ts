/**
 * GOV.UK Notify settings, validated at boot with the rest of the worker's. With no NOTIFY_API_KEY the worker writes
 * each message to its log instead of sending it (status `logged`); with a key, every template id must be set.
 *
 * The key's format is Notify's: `{key_name}-{service_id}-{secret}`, the last two UUIDs
 * (https://docs.notifications.service.gov.uk/node.html#api-keys). The base URL is configurable so tests, and a
 * proxy if a deployment needs one, can stand in for https://api.notifications.service.gov.uk.
 */
import { z } from 'zod';
import { NOTIFY_CHANNELS, NOTIFY_TEMPLATE_KEYS, NotifyChannel, NotifyTemplateKey } from '@app/domain';
import { parseSettings } from '@app/config';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const API_KEY = new RegExp(`^.+-${UUID}-${UUID}$`, 'i');

/** NOTIFY_TEMPLATE_ESCALATION_EMAIL, NOTIFY_TEMPLATE_TASK_ALERT_SMS, ... */
export function templateVariable(key: NotifyTemplateKey, channel: NotifyChannel): string {
  return `NOTIFY_TEMPLATE_${key.toUpperCase().replace(/-/g, '_')}_${channel.toUpperCase()}`;
}

const TEMPLATE_VARIABLES = NOTIFY_TEMPLATE_KEYS.flatMap((key) =>
  NOTIFY_CHANNELS.map((channel) => ({ key, channel, name: templateVariable(key, channel) })),
);

const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

const notifySettingsSchema = z
  .object({
    NOTIFY_API_KEY: z.preprocess(
      blankToUndefined,
      z
        .string()
        .regex(API_KEY, 'must be a GOV.UK Notify API key: {key_name}-{service id UUID}-{secret UUID}')
        .optional(),
    ),
    NOTIFY_BASE_URL: z.string().url().default('https://api.notifications.service.gov.uk'),
    /** The web app's address, the link in every message. */
    NOTIFY_LINK_URL: z.string().url().default('http://localhost:3000/'),
    NOTIFY_RETRY_BASE_MS: z.coerce.number().int().min(10).default(30_000),
    NOTIFY_SWEEP_EVERY_MS: z.coerce.number().int().min(100).default(60_000),
    /** A message left `sending` this long belongs to a worker that died: it is retried (after asking Notify). */
    NOTIFY_STUCK_AFTER_MS: z.coerce
      .number()
      .int()
      .min(100)
      .default(5 * 60_000),
    NOTIFY_LOCK_MS: z.coerce.number().int().min(500).default(30_000),
    NOTIFY_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).default(20_000),
    /** The morning digest, as a cron pattern in Europe/London time (working days are checked when it runs). */
    NOTIFY_DIGEST_CRON: z.string().min(9).default('0 7 * * 1-5'),
    ...Object.fromEntries(
      TEMPLATE_VARIABLES.map((t) => [t.name, z.preprocess(blankToUndefined, z.string().uuid().optional())]),
    ),
  })
  .superRefine((data: Record<string, unknown>, ctx) => {
    if (!data.NOTIFY_API_KEY) return;
    for (const t of TEMPLATE_VARIABLES) {
      if (!data[t.name]) {
        ctx.addIssue({
          code: 'custom',
          path: [t.name],
          message: 'is required when NOTIFY_API_KEY is set (a template id)',
        });
      }
    }
  });

export interface NotifySettings {
  /** Null: messages go to the log. */
  apiKey: string | null;
  baseUrl: string;
  linkUrl: string;
  templateIds: Record<NotifyTemplateKey, Record<NotifyChannel, string | null>>;
  retryBaseMs: number;
  sweepEveryMs: number;
  stuckAfterMs: number;
  lockMs: number;
  requestTimeoutMs: number;
  digestCron: string;
}

export function readNotifySettings(env: NodeJS.ProcessEnv = process.env): NotifySettings {
  const data = parseSettings(notifySettingsSchema, env, 'worker') as Record<string, unknown> & {
    NOTIFY_API_KEY?: string;
    NOTIFY_BASE_URL: string;
    NOTIFY_LINK_URL: string;
    NOTIFY_RETRY_BASE_MS: number;
    NOTIFY_SWEEP_EVERY_MS: number;
    NOTIFY_STUCK_AFTER_MS: number;
    NOTIFY_LOCK_MS: number;
    NOTIFY_REQUEST_TIMEOUT_MS: number;
    NOTIFY_DIGEST_CRON: string;
  };
  const templateId = (key: NotifyTemplateKey, channel: NotifyChannel) =>
    (data[templateVariable(key, channel)] as string | undefined) ?? null;
  const templateIds = Object.fromEntries(
    NOTIFY_TEMPLATE_KEYS.map((key) => [key, { email: templateId(key, 'email'), sms: templateId(key, 'sms') }]),
  ) as NotifySettings['templateIds'];
  return {
    apiKey: data.NOTIFY_API_KEY ?? null,
    baseUrl: data.NOTIFY_BASE_URL,
    linkUrl: data.NOTIFY_LINK_URL,
    templateIds,
    retryBaseMs: data.NOTIFY_RETRY_BASE_MS,
    sweepEveryMs: data.NOTIFY_SWEEP_EVERY_MS,
    stuckAfterMs: data.NOTIFY_STUCK_AFTER_MS,
    lockMs: data.NOTIFY_LOCK_MS,
    requestTimeoutMs: data.NOTIFY_REQUEST_TIMEOUT_MS,
    digestCron: data.NOTIFY_DIGEST_CRON,
  };
}
