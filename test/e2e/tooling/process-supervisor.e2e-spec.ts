/**
 * The process supervisor (scripts/supervisor) against real child processes: what npm start, the benchmarks and
 * every e2e and fault suite rely on when they start, read, wait for and stop an app.
 */
import { createServer } from 'node:http';
import { ExitStatus, freePort, ProcessGroup, SupervisedProcess, waitUntilReady } from '../../../scripts/supervisor';

/** `node -e <script>` under supervision. */
function node(name: string, script: string, spec: Partial<ConstructorParameters<typeof SupervisedProcess>[0]> = {}) {
  return new SupervisedProcess({ name, args: ['-e', script], env: { PATH: process.env.PATH }, ...spec });
}

const IGNORES_SIGTERM = `process.on('SIGTERM', () => console.log('ignoring SIGTERM')); console.log('up'); setInterval(() => {}, 1000);`;

describe('process supervisor', () => {
  const group = new ProcessGroup();
  afterAll(() => group.killAllNow());

  it('reads every line the process prints, in order, with the last ones kept for explaining a failure', async () => {
    const child = node(
      'printer',
      `for (let i = 1; i <= 5; i++) console.log('line ' + i); console.error('to stderr');`,
      {
        keepLines: 3,
      },
    );
    const seen: string[] = [];
    child.onLine((line) => seen.push(`${line.stream}:${line.line}`));
    const status = await child.exited;
    expect(status).toEqual<ExitStatus>({ code: 0, signal: null });
    expect(seen.filter((l) => l.startsWith('stdout:'))).toEqual([1, 2, 3, 4, 5].map((i) => `stdout:line ${i}`));
    expect(seen).toContain('stderr:to stderr');
    expect(child.lines).toHaveLength(3);
    expect(child.running).toBe(false);
  });

  it('passes only the environment it is given', async () => {
    const child = node('env', `console.log(JSON.stringify([process.env.GIVEN, process.env.HOME ?? null]))`, {
      env: { PATH: process.env.PATH, GIVEN: 'yes' },
    });
    const line = await child.waitForLine((l) => l.startsWith('['), 30_000, 'its environment');
    expect(JSON.parse(line.line)).toEqual(['yes', null]);
  });

  it('sends SIGKILL after the grace period to a process that ignores SIGTERM', async () => {
    const child = group.start({ name: 'stubborn', args: ['-e', IGNORES_SIGTERM], env: { PATH: process.env.PATH } });
    await child.waitForLine((l) => l === 'up', 30_000, 'its start');
    const stopping = child.stop(1000);
    await child.waitForLine((l) => l === 'ignoring SIGTERM', 30_000, 'SIGTERM reaching it');
    expect(await stopping).toEqual({ code: null, signal: 'SIGKILL' });
    expect(child.describeExit()).toBe('killed by SIGKILL');
    expect(group.running).not.toContain(child);
  });

  it('stops a process that honours SIGTERM without killing it', async () => {
    const child = group.start({ name: 'polite', args: ['-e', 'setInterval(() => {}, 1000)'], env: {} });
    expect(await child.stop(30_000)).toEqual({ code: null, signal: 'SIGTERM' });
  });

  it('waits until the process answers /health/ready', async () => {
    const port = await freePort();
    const server = `require('node:http').createServer((q, s) => { s.statusCode = q.url === '/health/ready' ? 200 : 404; s.end(); })
      .listen(${port}, '127.0.0.1');`;
    const child = group.start({ name: 'ready', args: ['-e', `setTimeout(() => { ${server} }, 500)`], env: {} });
    await waitUntilReady({ url: `http://127.0.0.1:${port}`, process: child, timeoutMs: 60_000 });
    await child.stop();
  });

  it('stops waiting with the process output as soon as it exits instead of becoming ready', async () => {
    const child = node('crashing', `console.error('DATABASE_URL is not set'); process.exit(3)`);
    const port = await freePort();
    await expect(
      waitUntilReady({ url: `http://127.0.0.1:${port}`, process: child, timeoutMs: 60_000 }),
    ).rejects.toThrow(/crashing exited \(exit code 3\)[\s\S]*DATABASE_URL is not set/);
  });

  it('finds a port nothing listens on', async () => {
    const port = await freePort();
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', resolve);
    });
    await new Promise((resolve) => server.close(resolve));
  });

  it('refuses to start processes once the run is stopping', () => {
    const stopping = new ProcessGroup();
    stopping.close();
    expect(() => stopping.start({ name: 'late', env: {} })).toThrow('not starting late: the run is stopping');
  });
});
