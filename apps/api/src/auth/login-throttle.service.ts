/**
 * Counts failed sign-ins in Redis, under the deployment's REDIS_PREFIX, so that every API instance sees the
 * same counts, and says when an attempt must wait. Three counters (limits in login-throttle.config.ts):
 * - a username from one client address: failures in a row, then a lockout of that pair;
 * - a username from any address: failures in a row, then a lockout of the username (a guesser spreading over
 *   many addresses);
 * - a client address, whatever the username: failures per day (password spraying).
 * A successful sign-in clears the username's counters. If Redis cannot answer, each instance counts in memory
 * meanwhile (rate-limiter-flexible's insurance limiter), so sign-in neither stops nor goes unthrottled.
 */
import { once } from 'node:events';
import { setTimeout as delay } from 'node:timers/promises';
import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import Redis from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { redisConnectionOptions } from '@app/events';
import { API_SETTINGS, ApiSettings } from '../config/api.config';

const DAY_SECONDS = 86_400;
const CONNECT_WAIT_MS = 2_000;

export type LoginLimit = 'USERNAME_AND_ADDRESS' | 'USERNAME' | 'ADDRESS';

export interface LoginAttempt {
  username: string;
  /** As throttleAddress gives it. */
  address: string;
}

export interface LoginRefusal {
  limit: LoginLimit;
  retryAfterSeconds: number;
}

/** A limit this failure reached: its lockout starts now. */
export interface LoginLockout {
  limit: LoginLimit;
  failures: number;
  lockedForSeconds: number;
}

export interface FailureCounted {
  lockouts: LoginLockout[];
  /** Set when this failure reached or passed a limit: the answer is 429, not 401. */
  refusal: LoginRefusal | null;
}

interface Counter {
  limit: LoginLimit;
  limiter: RateLimiterRedis;
  max: number;
  /** Null: the counter's own window is the wait (the address's day). */
  lockoutSeconds: number | null;
  key(attempt: LoginAttempt): string;
}

// Usernames are matched exactly at sign-in, but counted case-blind, so 'PRT' and 'prt' share one allowance.
const usernameKey = (attempt: LoginAttempt): string => encodeURIComponent(attempt.username.trim().toLowerCase());

function waitSeconds(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000));
}

@Injectable()
export class LoginThrottle implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(LoginThrottle.name);
  private readonly redis: Redis;
  private readonly counters: Counter[];

  constructor(@Inject(API_SETTINGS) settings: ApiSettings) {
    const limits = settings.loginThrottle;
    // A connection of its own: a slow or reconnecting Redis must fail over to the in-memory count at once.
    this.redis = new Redis(
      redisConnectionOptions(settings.redis, { maxRetriesPerRequest: 1, enableOfflineQueue: false }),
    );
    this.redis.on('error', (error: Error) => this.logger.warn(`sign-in throttle redis: ${error.message}`));
    const counter = (
      limit: LoginLimit,
      options: { max: number; windowSeconds: number; lockoutSeconds: number | null },
      key: (attempt: LoginAttempt) => string,
    ): Counter => {
      const keyPrefix = `${settings.redis.prefix}:login-failures:${limit.toLowerCase()}`;
      const shape = { keyPrefix, points: options.max, duration: options.windowSeconds };
      return {
        limit,
        max: options.max,
        lockoutSeconds: options.lockoutSeconds,
        key,
        limiter: new RateLimiterRedis({
          ...shape,
          storeClient: this.redis,
          rejectIfRedisNotReady: true,
          insuranceLimiter: new RateLimiterMemory(shape),
        }),
      };
    };
    this.counters = [
      counter(
        'USERNAME_AND_ADDRESS',
        {
          max: limits.maxFailuresPerUsernameAndAddress,
          windowSeconds: limits.failureWindowSeconds,
          lockoutSeconds: limits.lockoutSeconds,
        },
        (attempt) => `${usernameKey(attempt)}|${attempt.address}`,
      ),
      counter(
        'USERNAME',
        {
          max: limits.maxFailuresPerUsername,
          windowSeconds: limits.failureWindowSeconds,
          lockoutSeconds: limits.lockoutSeconds,
        },
        usernameKey,
      ),
      counter(
        'ADDRESS',
        { max: limits.maxFailuresPerAddressPerDay, windowSeconds: DAY_SECONDS, lockoutSeconds: null },
        (attempt) => attempt.address,
      ),
    ];
  }

  /**
   * Counts in Redis from the first sign-in when Redis is there (otherwise an instance would count its first
   * attempts in memory alone); without it the API starts anyway and counts in memory until it is back.
   */
  async onModuleInit(): Promise<void> {
    if (this.redis.status === 'ready') return;
    await Promise.race([once(this.redis, 'ready').catch(() => undefined), delay(CONNECT_WAIT_MS)]);
  }

  /** Whether the attempt must wait: asked before the password is checked, so a locked-out guess learns nothing. */
  async refusal(attempt: LoginAttempt): Promise<LoginRefusal | null> {
    const states = await Promise.all(this.counters.map((c) => c.limiter.get(c.key(attempt))));
    const refusals = this.counters.flatMap((c, i) => {
      const state = states[i];
      return state && state.consumedPoints >= c.max
        ? [{ limit: c.limit, retryAfterSeconds: waitSeconds(state.msBeforeNext) }]
        : [];
    });
    return longest(refusals);
  }

  /** Counts a failed attempt on every counter; a counter that reaches its limit starts its lockout. */
  async failed(attempt: LoginAttempt): Promise<FailureCounted> {
    const outcomes = await Promise.all(this.counters.map((c) => this.count(c, attempt)));
    return {
      lockouts: outcomes.flatMap((o) => (o.lockout ? [o.lockout] : [])),
      refusal: longest(outcomes.flatMap((o) => (o.refusal ? [o.refusal] : []))),
    };
  }

  /** A successful sign-in: the username's runs of failures end (the address's daily count stays). */
  async succeeded(attempt: LoginAttempt): Promise<void> {
    await Promise.all(this.counters.filter((c) => c.limit !== 'ADDRESS').map((c) => c.limiter.delete(c.key(attempt))));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => undefined);
  }

  private async count(
    counter: Counter,
    attempt: LoginAttempt,
  ): Promise<{ lockout: LoginLockout | null; refusal: LoginRefusal | null }> {
    const key = counter.key(attempt);
    let state: RateLimiterRes;
    try {
      state = await counter.limiter.consume(key);
    } catch (rejection) {
      // Past the limit already (a concurrent attempt reached it first): refused, and no new lockout.
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      return {
        lockout: null,
        refusal: { limit: counter.limit, retryAfterSeconds: waitSeconds(rejection.msBeforeNext) },
      };
    }
    // consume() resolves up to the limit and rejects past it, so here the count is at most the limit.
    if (state.consumedPoints < counter.max) return { lockout: null, refusal: null };
    let waitMs = state.msBeforeNext;
    if (counter.lockoutSeconds !== null) {
      // The lockout replaces the run of failures: when it ends, the full allowance is back.
      await counter.limiter.block(key, counter.lockoutSeconds);
      waitMs = counter.lockoutSeconds * 1000;
    }
    const retryAfterSeconds = waitSeconds(waitMs);
    return {
      lockout: { limit: counter.limit, failures: counter.max, lockedForSeconds: retryAfterSeconds },
      refusal: { limit: counter.limit, retryAfterSeconds },
    };
  }
}

function longest(refusals: LoginRefusal[]): LoginRefusal | null {
  return refusals.reduce<LoginRefusal | null>(
    (worst, r) => (worst === null || r.retryAfterSeconds > worst.retryAfterSeconds ? r : worst),
    null,
  );
}
