/**
 * The worker's Prometheus metrics: how late alerts fire, how far the outbox relay is behind, the deadline queue's
 * depth, and the reconciler's repairs. Gauges are read at scrape time.
 */
import { Inject, Injectable } from '@nestjs/common';
import { Queue } from 'bullmq';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { AlertEntity, DeadlinesRepository, OutboxRepository } from '@app/database';
import { QUEUE_NAMES } from '@app/events';
import { DEADLINES_QUEUE } from '@app/resettlement';

/** How an alert was raised: by its instant's sweep or its task's job, from a draft built ahead, or by the reconciler. */
export type AlertPath = 'threshold' | 'draft' | 'reconciler';

@Injectable()
export class WorkerMetrics {
  readonly registry = new Registry();
  private readonly lateness: Histogram<'kind' | 'path'>;
  private readonly repairs: Counter;
  private readonly sweeps: Counter<'trigger'>;

  constructor(@Inject(DEADLINES_QUEUE) queue: Queue, outbox: OutboxRepository, cursor: DeadlinesRepository) {
    this.registry.setDefaultLabels({ app: 'worker' });
    collectDefaultMetrics({ register: this.registry });
    this.lateness = new Histogram({
      name: 'resettle_alert_lateness_seconds',
      help: 'Time from a threshold (at risk, due, escalation) to its alert being committed',
      labelNames: ['kind', 'path'],
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 300, 3600],
      registers: [this.registry],
    });
    this.repairs = new Counter({
      name: 'resettle_reconciler_repairs_total',
      help: 'Alerts the reconciler raised because their threshold passed with no alert (a missed job)',
      registers: [this.registry],
    });
    this.sweeps = new Counter({
      name: 'resettle_instant_sweeps_total',
      help: 'Instant sweeps that committed, by what started them: the instant job, or a timer armed by its prepare job',
      labelNames: ['trigger'],
      registers: [this.registry],
    });
    new Gauge({
      name: 'resettle_outbox_lag_events',
      help: 'Newest committed outbox sequence minus newest published (the relay cursor)',
      registers: [this.registry],
      async collect() {
        this.set((await outbox.lagAfter(await cursor.relayCursor())).events);
      },
    });
    const counts = () => queue.getJobCounts('waiting', 'prioritized', 'active', 'delayed');
    new Gauge({
      name: 'resettle_queue_depth',
      help: 'Jobs waiting to run (waiting, prioritized, active) per queue',
      labelNames: ['queue'],
      registers: [this.registry],
      async collect() {
        const c = await counts();
        this.set({ queue: QUEUE_NAMES.deadlines }, (c.waiting ?? 0) + (c.prioritized ?? 0) + (c.active ?? 0));
      },
    });
    new Gauge({
      name: 'resettle_queue_delayed',
      help: 'Delayed jobs (future thresholds inside the horizon) per queue',
      labelNames: ['queue'],
      registers: [this.registry],
      async collect() {
        this.set({ queue: QUEUE_NAMES.deadlines }, (await counts()).delayed ?? 0);
      },
    });
  }

  alertsRaised(alerts: Pick<AlertEntity, 'kind' | 'thresholdAt'>[], path: AlertPath, firedAt = Date.now()): void {
    // One labelled child per kind: observing with labels hashes them for every alert (20,000 at the 17:00 burst).
    const byKind = new Map<string, ReturnType<typeof this.lateness.labels>>();
    for (const alert of alerts) {
      let child = byKind.get(alert.kind);
      if (!child) byKind.set(alert.kind, (child = this.lateness.labels({ kind: alert.kind, path })));
      child.observe(Math.max(0, (firedAt - new Date(alert.thresholdAt).getTime()) / 1000));
    }
    if (path === 'reconciler') this.repairs.inc(alerts.length);
  }

  instantSwept(trigger: 'job' | 'armed', instants: number): void {
    this.sweeps.inc({ trigger }, instants);
  }
}
