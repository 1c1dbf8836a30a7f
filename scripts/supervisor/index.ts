/**
 * The one process supervisor of the repository: start a process with its environment, read its output, wait
 * until it is ready, stop it (a signal, then SIGKILL after a grace period), find a free port. Used by `npm start`
 * (scripts/start), the benchmarks (bench/) and the e2e and fault suites' set-up (test/setup/app-process.ts).
 * Plain Node and TypeScript without path aliases, so that both tsc (the tools' build) and ts-jest load it.
 */
export type { Clock } from './clock';
export { systemClock } from './clock';
export { canListen, freePort } from './free-port';
export type { PollOptions } from './poll-until';
export { PollTimeoutError, pollUntil } from './poll-until';
export { ProcessGroup } from './process-group';
export type { ReadyOptions } from './readiness';
export { isReady, waitUntilReady } from './readiness';
export type { ExitStatus, OutputLine, ProcessSpec } from './supervised-process';
export { DEFAULT_STOP_GRACE_MS, SupervisedProcess } from './supervised-process';
