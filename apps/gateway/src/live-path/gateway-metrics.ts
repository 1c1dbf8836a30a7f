/** The gateway's Prometheus metrics: sockets, rooms and whether the adapter hears Redis, read at scrape time. */
import { Inject, Injectable } from '@nestjs/common';
import { Counter, Gauge, Registry, collectDefaultMetrics } from 'prom-client';
import { GatewayServer } from '../socket-session';
import { GATEWAY_SETTINGS, GatewaySettings } from '../config/gateway.config';
import { SubscriptionWatch } from './subscription-watch.service';

@Injectable()
export class GatewayMetrics {
  readonly registry = new Registry();
  private server: GatewayServer | null = null;

  constructor(@Inject(GATEWAY_SETTINGS) settings: GatewaySettings, watch: SubscriptionWatch) {
    this.registry.setDefaultLabels({ app: 'gateway', instance_name: settings.name });
    collectDefaultMetrics({ register: this.registry });
    const namespace = () => this.server?.of('/');
    new Gauge({
      name: 'resettle_gateway_sockets_connected',
      help: 'Sockets connected to this gateway',
      registers: [this.registry],
      collect() {
        this.set(namespace()?.sockets.size ?? 0);
      },
    });
    new Gauge({
      name: 'resettle_gateway_rooms',
      help: 'Rooms with at least one socket on this gateway (not counting each socket’s own room)',
      registers: [this.registry],
      collect() {
        const nsp = namespace();
        this.set(nsp ? [...nsp.adapter.rooms.keys()].filter((room) => !nsp.sockets.has(room)).length : 0);
      },
    });
    new Gauge({
      name: 'resettle_adapter_subscribed',
      help: '1 while the socket.io adapter is subscribed in Redis and its canary comes back, else 0',
      registers: [this.registry],
      collect() {
        this.set(watch.verdict().subscribed ? 1 : 0);
      },
    });
    new Counter({
      name: 'resettle_adapter_subscription_losses_total',
      help: 'Times the adapter’s Redis subscriber connection was lost',
      registers: [this.registry],
      collect() {
        this.reset();
        this.inc(watch.losses);
      },
    });
  }

  watchServer(server: GatewayServer): void {
    this.server = server;
  }
}
