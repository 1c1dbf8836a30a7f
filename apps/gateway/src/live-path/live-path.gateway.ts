/**
 * Hands the socket.io server to the services that watch the live path (the subscription canary, the heartbeat),
 * so the board gateway keeps to rooms and events. Nest gives gateways on the same port one shared server.
 */
import { OnGatewayInit, WebSocketGateway } from '@nestjs/websockets';
import { GatewayServer } from '../socket-session';
import { BoardHeartbeatService } from './board-heartbeat.service';
import { GatewayMetrics } from './gateway-metrics';
import { SubscriptionWatch } from './subscription-watch.service';

@WebSocketGateway()
export class LivePathGateway implements OnGatewayInit {
  constructor(
    private readonly watch: SubscriptionWatch,
    private readonly heartbeat: BoardHeartbeatService,
    private readonly metrics: GatewayMetrics,
  ) {}

  afterInit(server: GatewayServer): void {
    this.watch.start(server);
    this.heartbeat.start(server);
    this.metrics.watchServer(server);
  }
}
