/**
 * Proves, every few seconds, that this gateway still hears Redis: its subscriber connection is ready, Redis
 * lists it with its pattern and channel subscriptions, and a canary it publishes on the adapter's request channel
 * comes back to it through the adapter. Readiness reads the verdict. A lost subscription is logged at error
 * level; ioredis reconnects and re-subscribes by itself, and a gateway still deaf after GATEWAY_DEAF_EXIT_MS
 * exits with code 1 so that its supervisor (npm start, compose, the orchestrator) starts a fresh one.
 */
import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { Emitter } from '@socket.io/redis-emitter';
import { GatewayServer } from '../socket-session';
import { GATEWAY_CANARY, ServerToClientEvents, socketIoKey } from '@app/events';
import { GATEWAY_SETTINGS, GatewaySettings } from '../config/gateway.config';
import { ADAPTER_CLIENTS, AdapterClients } from './adapter-clients';

export interface SubscriptionVerdict {
  subscribed: boolean;
  /** Why not, in words an operator can act on. */
  reason?: string;
  subscriber: string;
  lastCanaryMs: number | null;
  roundTripMs: number | null;
}

@Injectable()
export class SubscriptionWatch implements OnModuleDestroy {
  private readonly logger = new Logger(SubscriptionWatch.name);
  private readonly emitter: Emitter<ServerToClientEvents>;
  private timer: NodeJS.Timeout | null = null;
  /** When the subscriber last became ready: only a canary sent after it proves the current subscription. */
  private subReadyAt = Date.now();
  private lastEchoAt = 0;
  private roundTripMs: number | null = null;
  private readonly sent = new Map<string, number>();
  private listed: { psub: number; sub: number } | null = null;
  private wasSubscribed = false;
  private deafSince = Date.now();
  private stopped = false;
  /** Times the subscriber connection was lost since start (a metric). */
  losses = 0;

  constructor(
    @Inject(GATEWAY_SETTINGS) private readonly settings: GatewaySettings,
    @Inject(ADAPTER_CLIENTS) private readonly clients: AdapterClients,
  ) {
    this.emitter = new Emitter<ServerToClientEvents>(clients.pub, { key: socketIoKey(settings.redis) });
  }

  start(server: GatewayServer): void {
    server.on(GATEWAY_CANARY, (name: unknown, nonce: unknown) => {
      if (name === this.settings.name && typeof nonce === 'string') this.echoed(nonce);
    });
    this.clients.sub.on('close', () => this.lost());
    this.clients.sub.on('ready', () => this.back());
    this.schedule();
    void this.tick();
  }

  onModuleDestroy(): void {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
  }

  verdict(now = Date.now()): SubscriptionVerdict {
    const base = {
      subscriber: this.clients.subName,
      lastCanaryMs: this.lastEchoAt > 0 ? now - this.lastEchoAt : null,
      roundTripMs: this.roundTripMs,
    };
    const bound = 2 * this.settings.canaryMs + 1000;
    let reason: string | undefined;
    if (this.clients.sub.status !== 'ready') reason = `the subscriber connection is ${this.clients.sub.status}`;
    else if (!this.listed || this.listed.psub === 0 || this.listed.sub === 0)
      reason = `Redis lists no subscription for ${this.clients.subName} (psub=${this.listed?.psub ?? '?'}, sub=${this.listed?.sub ?? '?'})`;
    else if (this.lastEchoAt <= this.subReadyAt || now - this.lastEchoAt > bound)
      reason = `no canary came back through Redis within ${bound} ms`;
    return { subscribed: reason === undefined, reason, ...base };
  }

  /** A fresh interval: after a reconnect the first canary goes out one period later, so the gap is visible. */
  private schedule(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = setInterval(() => void this.tick(), this.settings.canaryMs);
  }

  private async tick(): Promise<void> {
    if (this.stopped) return;
    this.listed = await this.subscriptionsInRedis().catch(() => null);
    const now = Date.now();
    for (const [nonce, at] of this.sent) if (now - at > 10 * this.settings.canaryMs) this.sent.delete(nonce);
    const nonce = randomUUID();
    this.sent.set(nonce, now);
    this.emitter.serverSideEmit(GATEWAY_CANARY, this.settings.name, nonce);
    this.judge();
  }

  private echoed(nonce: string): void {
    const sentAt = this.sent.get(nonce);
    this.sent.delete(nonce);
    if (sentAt === undefined || sentAt < this.subReadyAt) return;
    const now = Date.now();
    this.lastEchoAt = now;
    this.roundTripMs = now - sentAt;
    this.judge();
  }

  private lost(): void {
    if (this.stopped) return;
    this.losses += 1;
    this.logger.error(
      `the socket.io adapter lost its Redis subscription (${this.clients.subName}): boards on this gateway receive nothing until it is back`,
    );
    this.judge();
  }

  private back(): void {
    if (this.stopped) return;
    this.subReadyAt = Date.now();
    this.logger.warn(`${this.clients.subName} reconnected and re-subscribed; proving it with a canary`);
    this.schedule();
  }

  /** Logs each change of verdict; exits when deaf for too long. */
  private judge(): void {
    const verdict = this.verdict();
    const now = Date.now();
    if (verdict.subscribed) {
      if (!this.wasSubscribed)
        this.logger.log(`the adapter is subscribed: a canary came back in ${this.roundTripMs} ms`);
      this.wasSubscribed = true;
      return;
    }
    if (this.wasSubscribed) {
      this.logger.error(`the adapter is not subscribed: ${verdict.reason}`);
      this.deafSince = now;
    }
    this.wasSubscribed = false;
    const deafFor = now - this.deafSince;
    if (this.settings.deafExitMs > 0 && deafFor > this.settings.deafExitMs && !this.stopped) {
      this.logger.error(
        `deaf for ${deafFor} ms (${verdict.reason}): exiting so that the supervisor starts a fresh gateway`,
      );
      process.exit(1);
    }
  }

  /** The subscriber's pattern and channel counts as Redis itself sees them. */
  private async subscriptionsInRedis(): Promise<{ psub: number; sub: number } | null> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('CLIENT LIST timed out')), this.settings.canaryMs);
    });
    const list = (await Promise.race([this.clients.pub.call('CLIENT', 'LIST', 'TYPE', 'pubsub'), timeout]).finally(() =>
      clearTimeout(timer),
    )) as string;
    const line = list.split('\n').find((l) => l.includes(` name=${this.clients.subName} `));
    if (!line) return null;
    const field = (key: string) => Number(new RegExp(`(?:^| )${key}=(\\d+)`).exec(line)?.[1] ?? 0);
    return { psub: field('psub'), sub: field('sub') };
  }
}
