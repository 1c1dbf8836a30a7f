/**
 * A TCP load balancer in front of the gateways, as production has one: each new connection goes to the next
 * gateway in turn, and to another when that one refuses. Clients reconnect to its one address after a gateway dies.
 */
import { Server, Socket, connect, createServer } from 'node:net';

export class Balancer {
  private next = 0;
  private readonly server: Server;
  private readonly sockets = new Set<Socket>();
  url = '';

  constructor(private readonly ports: number[]) {
    this.server = createServer((client) => this.route(client, 0));
  }

  async listen(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    const address = this.server.address();
    if (!address || typeof address === 'string') throw new Error('the balancer has no port');
    this.url = `http://127.0.0.1:${address.port}`;
    return this.url;
  }

  private route(client: Socket, tried: number): void {
    if (tried >= this.ports.length) {
      client.destroy();
      return;
    }
    client.pause();
    const port = this.ports[this.next++ % this.ports.length];
    const upstream = connect(port, '127.0.0.1');
    let connected = false;
    upstream.once('connect', () => {
      connected = true;
      this.track(client);
      this.track(upstream);
      client.pipe(upstream).pipe(client);
      client.resume();
      const close = () => {
        client.destroy();
        upstream.destroy();
      };
      client.once('close', close);
      upstream.once('close', close);
      client.on('error', close);
    });
    upstream.on('error', () => {
      // Refused: that gateway is down, try the next. After connecting, 'close' tears both ends down.
      if (!connected) this.route(client, tried + 1);
    });
  }

  private track(socket: Socket): void {
    this.sockets.add(socket);
    socket.once('close', () => this.sockets.delete(socket));
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
