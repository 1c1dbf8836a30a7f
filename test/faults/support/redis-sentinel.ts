/**
 * A Redis primary, a replica and three Sentinels of the fault suite's own, on free ports, nothing persisted: the
 * topology a deployment runs when Redis must survive losing its primary. Real redis-server processes (Sentinel is
 * `redis-server <conf> --sentinel`, what Debian's redis-sentinel package runs), started detached so that killing
 * the primary (SIGKILL) is the only way it dies early; `stop` shuts down whatever still runs.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Redis from 'ioredis';
import { freePort, pollUntil } from '../../../scripts/supervisor';
import { answers, startRedisServer, stopRedisServer } from './redis-server';

export const MASTER_GROUP = 'resettle-faults';

export class SentinelTopology {
  private constructor(
    readonly primaryPort: number,
    readonly replicaPort: number,
    readonly sentinelPorts: number[],
    private readonly dir: string,
  ) {}

  static async start(): Promise<SentinelTopology> {
    const [primaryPort, replicaPort, ...sentinelPorts] = await Promise.all(Array.from({ length: 5 }, () => freePort()));
    const dir = mkdtempSync(join(tmpdir(), 'resettle-sentinel-'));
    const topology = new SentinelTopology(primaryPort, replicaPort, sentinelPorts, dir);
    await startRedisServer(primaryPort);
    await startRedisServer(replicaPort, ['--replicaof', '127.0.0.1', String(primaryPort)]);
    await pollUntil(() => topology.replicaInSync(), { what: 'the replica in sync', timeoutMs: 15_000, everyMs: 100 });
    for (const port of sentinelPorts) await topology.startSentinel(port);
    await pollUntil(async () => (await topology.sentinelsSeeing()) === sentinelPorts.length, {
      what: 'every Sentinel seeing the replica and the other Sentinels',
      timeoutMs: 30_000,
      everyMs: 200,
    });
    return topology;
  }

  /** The environment that sends an app's Redis clients through the Sentinels. */
  appEnvironment(): NodeJS.ProcessEnv {
    return {
      // Only credentials and database are read from it under Sentinel: a port nothing answers on proves it.
      REDIS_URL: 'redis://127.0.0.1:1',
      REDIS_SENTINELS: this.sentinelPorts.map((p) => `127.0.0.1:${p}`).join(','),
      REDIS_SENTINEL_NAME: MASTER_GROUP,
    };
  }

  /** A client of the current primary, found through the Sentinels as the apps find it. */
  client(): Redis {
    return new Redis({
      sentinels: this.sentinelPorts.map((port) => ({ host: '127.0.0.1', port })),
      name: MASTER_GROUP,
      maxRetriesPerRequest: 1,
    });
  }

  /** The port the Sentinels name as primary now. */
  async primaryNow(): Promise<number | null> {
    const sentinel = new Redis({ port: this.sentinelPorts[0], host: '127.0.0.1', maxRetriesPerRequest: 1 });
    try {
      const address = (await sentinel.call('SENTINEL', 'get-master-addr-by-name', MASTER_GROUP)) as string[] | null;
      return address ? Number(address[1]) : null;
    } finally {
      sentinel.disconnect();
    }
  }

  async stop(): Promise<void> {
    await Promise.all([this.primaryPort, this.replicaPort, ...this.sentinelPorts].map((p) => stopRedisServer(p)));
    rmSync(this.dir, { recursive: true, force: true });
  }

  private async replicaInSync(): Promise<boolean> {
    const replica = new Redis({ port: this.replicaPort, host: '127.0.0.1', maxRetriesPerRequest: 1 });
    try {
      return /master_link_status:up/.test(await replica.info('replication'));
    } finally {
      replica.disconnect();
    }
  }

  /** How many Sentinels know the replica and both other Sentinels (so a quorum can agree and promote). */
  private async sentinelsSeeing(): Promise<number> {
    let ready = 0;
    for (const port of this.sentinelPorts) {
      const sentinel = new Redis({ port, host: '127.0.0.1', maxRetriesPerRequest: 1 });
      try {
        const master = (await sentinel.call('SENTINEL', 'master', MASTER_GROUP)) as string[];
        const field = (name: string): number => Number(master[master.indexOf(name) + 1]);
        if (field('num-slaves') >= 1 && field('num-other-sentinels') >= this.sentinelPorts.length - 1) ready += 1;
      } catch {
        // Not up yet.
      } finally {
        sentinel.disconnect();
      }
    }
    return ready;
  }

  private async startSentinel(port: number): Promise<void> {
    const conf = join(this.dir, `sentinel-${port}.conf`);
    // Sentinel rewrites its own file as it learns the topology, so each gets one it may write.
    writeFileSync(
      conf,
      [
        `port ${port}`,
        'bind 127.0.0.1',
        'protected-mode no',
        `dir ${this.dir}`,
        `sentinel monitor ${MASTER_GROUP} 127.0.0.1 ${this.primaryPort} 2`,
        `sentinel down-after-milliseconds ${MASTER_GROUP} 1000`,
        `sentinel failover-timeout ${MASTER_GROUP} 10000`,
        `sentinel parallel-syncs ${MASTER_GROUP} 1`,
        '',
      ].join('\n'),
    );
    const child = spawn('redis-server', [conf, '--sentinel'], { detached: true, stdio: 'ignore' });
    child.once('error', (error) => {
      throw new Error(`redis-server --sentinel could not start (${error.message})`);
    });
    child.unref();
    await pollUntil(() => answers(port), { what: `Sentinel on port ${port}`, timeoutMs: 15_000, everyMs: 50 });
  }
}
