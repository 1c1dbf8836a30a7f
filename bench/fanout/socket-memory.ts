/**
 * Memory per socket of the processes that hold test 2's sockets (Resettle's two gateways, or the two bare
 * socket.io servers): resident set (VmRSS in /proc/<pid>/status) and V8 heap used, summed over the processes,
 * before and after the clients connect; the growth divided by the sockets. Heap is read without forcing a
 * collection, so it carries garbage either way; RSS is the figure to plan capacity with.
 */
import { readFileSync } from 'node:fs';

export interface MemorySample {
  rss: number;
  heapUsed: number;
}

export interface SocketMemory {
  sockets: number;
  before: MemorySample;
  after: MemorySample;
  rssPerSocket: number;
  heapPerSocket: number;
}

/** The process's resident set in bytes, as the kernel reports it. */
export function residentBytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = /^VmRSS:\s+(\d+)\s+kB$/m.exec(status)?.[1];
  if (kib === undefined) throw new Error(`no VmRSS in /proc/${pid}/status`);
  return Number(kib) * 1024;
}

/** The V8 heap in use, from a Prometheus scrape (prom-client's default `nodejs_heap_size_used_bytes`). */
export async function heapFromMetrics(url: string): Promise<number> {
  const text = await (await fetch(url, { signal: AbortSignal.timeout(10_000) })).text();
  const value = /^nodejs_heap_size_used_bytes(?:\{[^}]*\})? (\S+)$/m.exec(text)?.[1];
  if (value === undefined) throw new Error(`no nodejs_heap_size_used_bytes at ${url}`);
  return Number(value);
}

export function sumSamples(samples: MemorySample[]): MemorySample {
  return samples.reduce((a, b) => ({ rss: a.rss + b.rss, heapUsed: a.heapUsed + b.heapUsed }), { rss: 0, heapUsed: 0 });
}

export function perSocket(sockets: number, before: MemorySample, after: MemorySample): SocketMemory {
  return {
    sockets,
    before,
    after,
    rssPerSocket: (after.rss - before.rss) / sockets,
    heapPerSocket: (after.heapUsed - before.heapUsed) / sockets,
  };
}
