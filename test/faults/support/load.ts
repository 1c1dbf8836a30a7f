/**
 * Load for the cases: a CPU-burning child process (a busy machine), and a steady stream of task changes through
 * the API (notes, each with a unique body so that the checker can find what each request left behind).
 */
import { ChildProcess, spawn } from 'node:child_process';
import { ApiClient, messageOf, NO_ANSWER, ErrorBody } from '../../setup/api-client';

export interface CpuBurner {
  stop(): Promise<void>;
}

/** One busy-looping Node process per `cores`: it takes a core for as long as it runs. */
export function burnCpu(cores = 1): CpuBurner {
  const children: ChildProcess[] = Array.from({ length: cores }, () =>
    spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }),
  );
  return {
    async stop() {
      await Promise.all(
        children.map(
          (child) =>
            new Promise<void>((resolve) => {
              if (child.exitCode !== null || child.signalCode !== null) return resolve();
              child.once('exit', () => resolve());
              child.kill('SIGKILL');
            }),
        ),
      );
    },
  };
}

export interface WriteRecord {
  taskId: string;
  body: string;
  status: number;
  message: string;
  at: number;
}

/** Notes on the given tasks, `concurrency` at a time, until stopped; every request and its answer is kept. */
export class WriteLoad {
  readonly records: WriteRecord[] = [];
  private running = true;
  private readonly loops: Promise<void>[];
  private counter = 0;

  constructor(
    private readonly api: ApiClient,
    private readonly taskIds: string[],
    concurrency: number,
    private readonly pauseMs = 20,
  ) {
    this.loops = Array.from({ length: concurrency }, () => this.loop());
  }

  /** Writes that succeeded so far. */
  get written(): number {
    return this.records.filter((r) => r.status === 201).length;
  }

  async stop(): Promise<WriteRecord[]> {
    this.running = false;
    await Promise.all(this.loops);
    return this.records;
  }

  private async loop(): Promise<void> {
    while (this.running) {
      const n = (this.counter += 1);
      const taskId = this.taskIds[n % this.taskIds.length];
      const body = `fault note ${process.pid}-${n}-${Date.now()}`;
      const response = await this.api
        .withTimeout(20_000)
        .post<ErrorBody>(`/tasks/${taskId}/notes`, { body })
        .catch((error: Error) => ({ status: NO_ANSWER, body: { statusCode: 0, message: error.message } }));
      const message = response.status === 201 ? '' : messageOf(response.body);
      this.records.push({ taskId, body, status: response.status, message, at: Date.now() });
      await new Promise((resolve) => setTimeout(resolve, this.pauseMs));
    }
  }
}
