import { createServer, Server } from 'node:net';
import { canListen, ephemeralPortRange, freePort } from './free-port';

function listen(port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen({ port, host: '127.0.0.1' }, () => resolve(server));
  });
}

describe('freePort', () => {
  it('reads the kernel range of ports for outgoing connections (the project runs on Linux)', async () => {
    const range = await ephemeralPortRange();
    expect(range).not.toBeNull();
    expect(range!.low).toBeGreaterThan(10_000);
    expect(range!.high).toBeGreaterThanOrEqual(range!.low);
  });

  it('picks ports below that range, where no outgoing connection can take them, and free to listen on', async () => {
    const range = (await ephemeralPortRange())!;
    const ports = await Promise.all(Array.from({ length: 20 }, () => freePort()));
    for (const port of ports) {
      expect(port).toBeGreaterThanOrEqual(10_000);
      expect(port).toBeLessThan(range.low);
    }
    const servers = await Promise.all([...new Set(ports)].map((port) => listen(port)));
    await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  });

  it('a port something listens on is not free', async () => {
    const port = await freePort();
    const server = await listen(port);
    try {
      expect(await canListen(port, '127.0.0.1')).toBe(false);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    expect(await canListen(port, '127.0.0.1')).toBe(true);
  });
});
