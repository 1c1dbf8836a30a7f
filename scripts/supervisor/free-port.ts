/** Ports on the loopback interface: one free for a process to listen on, or whether a given one is free. */
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:net';

/** Where Linux says which local ports it hands to outgoing connections. */
const EPHEMERAL_RANGE_FILE = '/proc/sys/net/ipv4/ip_local_port_range';
/** Listening ports are chosen at or above this (below it sit the well-known and registered services' ports). */
const LOWEST_PORT = 10_000;
const ATTEMPTS = 50;

/**
 * A port nothing listens on right now, and one the kernel will not give an outgoing connection in the meantime.
 *
 * Asking the OS for port 0 answers with a port of the ephemeral range, which is where the kernel also takes the
 * local ports of outgoing connections: with thousands of client sockets connecting (the benchmark's 5,000), one of
 * them took the chosen port before the server it was for could listen (EADDRINUSE, 1 Dec 2026). So on Linux the
 * port is picked at random below that range, where only listeners live, and checked free.
 */
export async function freePort(): Promise<number> {
  const ephemeral = await ephemeralPortRange();
  if (!ephemeral || ephemeral.low - LOWEST_PORT < ATTEMPTS) return osChosenPort();
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const port = LOWEST_PORT + Math.floor(Math.random() * (ephemeral.low - LOWEST_PORT));
    if ((await canListen(port, '127.0.0.1')) && (await canListen(port))) return port;
  }
  return osChosenPort();
}

/** The kernel's range of ports for outgoing connections, or null where it cannot be read (not Linux). */
export async function ephemeralPortRange(): Promise<{ low: number; high: number } | null> {
  const text = await readFile(EPHEMERAL_RANGE_FILE, 'utf8').catch(() => null);
  const [low, high] = (text ?? '').trim().split(/\s+/).map(Number);
  return Number.isInteger(low) && Number.isInteger(high) && low > 0 && low <= high ? { low, high } : null;
}

/** A port nothing listens on right now, chosen by the OS (from the ephemeral range). */
function osChosenPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen({ port: 0, host: '127.0.0.1' }, () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port assigned')),
      );
    });
  });
}

/** Whether this process could listen on `port` (on every interface unless `host` is given). */
export function canListen(port: number, host?: string): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}
