/**
 * Sign-in throttling limits, validated at boot. The defaults follow:
 * - NCSC password guidance ("Password administration for system owners"): defend against guessing with
 *   account lockout, throttling or protective monitoring; and the NCSC's Cyber Essentials requirements for IT
 *   infrastructure (v3.1, user access control): lock accounts after no more than 10 unsuccessful attempts. So
 *   10 failures in a row for one username from one client address lock that pair out.
 * - OWASP Authentication Cheat Sheet, "Account Lockout": a threshold, an observation window and a lockout
 *   duration; temporary rather than until an administrator acts, because a permanent lockout lets anyone lock
 *   a colleague out. The per-username limit across all addresses is higher (50) for the same reason, and stays
 *   under NIST SP 800-63B §5.2.2's ceiling of 100 consecutive failures per account.
 * - OWASP's "Protect against automated attacks" and rate-limiter-flexible's login example: failures from one
 *   client address across every username are capped per day, which slows password spraying.
 */
import { z } from 'zod';
import { parseSettings } from '@app/config';

const DAY_SECONDS = 86_400;

const count = (max: number, fallback: number) => z.coerce.number().int().min(1).max(max).default(fallback);

const loginThrottleSchema = z.object({
  LOGIN_MAX_FAILURES_PER_USERNAME_AND_ADDRESS: count(1_000, 10),
  LOGIN_MAX_FAILURES_PER_USERNAME: count(10_000, 50),
  /** How long a run of failures is remembered when no sign-in succeeds (the observation window). */
  LOGIN_FAILURE_WINDOW_SECONDS: z.coerce
    .number()
    .int()
    .min(60)
    .max(90 * DAY_SECONDS)
    .default(DAY_SECONDS),
  LOGIN_LOCKOUT_SECONDS: z.coerce.number().int().min(1).max(DAY_SECONDS).default(900),
  // The end-to-end suite signs in thousands of times from 127.0.0.1 and raises this (test/setup/run-settings.ts).
  LOGIN_MAX_FAILURES_PER_ADDRESS_PER_DAY: count(10_000_000, 100),
});

export interface LoginThrottleSettings {
  /** Failures in a row for one username from one client address before that pair is locked out. */
  maxFailuresPerUsernameAndAddress: number;
  /** Failures in a row for one username from any address before the username is locked out. */
  maxFailuresPerUsername: number;
  failureWindowSeconds: number;
  lockoutSeconds: number;
  /** Failures from one client address, whatever the username, before the address is refused for the day. */
  maxFailuresPerAddressPerDay: number;
}

export function readLoginThrottleSettings(env: NodeJS.ProcessEnv = process.env): LoginThrottleSettings {
  const data = parseSettings(loginThrottleSchema, env, 'sign-in throttling');
  return {
    maxFailuresPerUsernameAndAddress: data.LOGIN_MAX_FAILURES_PER_USERNAME_AND_ADDRESS,
    maxFailuresPerUsername: data.LOGIN_MAX_FAILURES_PER_USERNAME,
    failureWindowSeconds: data.LOGIN_FAILURE_WINDOW_SECONDS,
    lockoutSeconds: data.LOGIN_LOCKOUT_SECONDS,
    maxFailuresPerAddressPerDay: data.LOGIN_MAX_FAILURES_PER_ADDRESS_PER_DAY,
  };
}
