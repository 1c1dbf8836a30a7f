/**
 * Child processes of a benchmark run: starts the built apps (and the bare-library helpers) as real
 * separate processes, keeps their output in a log file and a short in-memory tail, lets the run wait for
 * a log line, and stops every one of them (SIGTERM, then SIGKILL) on success, error or Ctrl+C.
 * Measures nothing itself.
 */
'use strict';

const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const readline = require('node:readline');

const TAIL_LINES = 40;

class Children {
  constructor(logDir) {
    this.logDir = logDir;
    /** Every child started and not yet known to have exited. */
    this.running = new Set();
  }

  /**
   * Starts `node <script> ...args` with `env` added to this process's environment. `ipc` gives the child
   * a message channel (the bare-library helpers use it).
   */
  start(name, script, args, env, { ipc = false } = {}) {
    const logFile = path.join(this.logDir, `${name}.log`);
    const out = fs.createWriteStream(logFile, { flags: 'a' });
    const child = spawn(process.execPath, [script, ...args], {
      env: { ...process.env, ...env },
      stdio: ipc ? ['ignore', 'pipe', 'pipe', 'ipc'] : ['ignore', 'pipe', 'pipe'],
    });
    const handle = {
      name,
      child,
      logFile,
      tail: [],
      listeners: new Set(),
      exited: null,
      exitPromise: null,
    };
    handle.exitPromise = new Promise((resolve) => {
      child.on('exit', (code, signal) => {
        handle.exited = { code, signal };
        this.running.delete(handle);
        out.end();
        resolve(handle.exited);
      });
      child.on('error', (error) => {
        handle.exited = { code: null, signal: null, error };
        this.running.delete(handle);
        out.end();
        resolve(handle.exited);
      });
    });
    for (const stream of [child.stdout, child.stderr]) {
      readline.createInterface({ input: stream }).on('line', (line) => {
        const stamped = { at: Date.now(), line };
        out.write(`${line}\n`);
        handle.tail.push(line);
        if (handle.tail.length > TAIL_LINES) handle.tail.shift();
        for (const listener of handle.listeners) listener(stamped);
      });
    }
    this.running.add(handle);
    return handle;
  }

  /**
   * Resolves with {at, line} for the first line (from now on) that `test` accepts; rejects on timeout or
   * when the child exits first.
   */
  waitForLine(handle, test, timeoutMs, what) {
    return new Promise((resolve, reject) => {
      const done = (fn, value) => {
        clearTimeout(timer);
        handle.listeners.delete(listener);
        fn(value);
      };
      const listener = (stamped) => {
        if (test(stamped.line)) done(resolve, stamped);
      };
      const timer = setTimeout(
        () => done(reject, new Error(`${handle.name}: no ${what} within ${timeoutMs} ms\n${this.describe(handle)}`)),
        timeoutMs,
      );
      handle.listeners.add(listener);
      handle.exitPromise.then((exit) => {
        if (handle.listeners.has(listener)) {
          done(
            reject,
            new Error(`${handle.name} exited (${JSON.stringify(exit)}) before ${what}\n${this.describe(handle)}`),
          );
        }
      });
    });
  }

  /** Resolves when the child exits by itself; rejects (after killing it) past the timeout. */
  async waitForExit(handle, timeoutMs) {
    let timer;
    const timeout = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${handle.name} did not finish within ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      return await Promise.race([handle.exitPromise, timeout]);
    } catch (error) {
      await this.stop(handle);
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  describe(handle) {
    return `--- last lines of ${handle.name} (${handle.logFile}) ---\n${handle.tail.join('\n')}`;
  }

  /** SIGTERM, then SIGKILL after `graceMs`. Resolves when the child has exited. */
  async stop(handle, graceMs = 10_000) {
    if (handle.exited) return handle.exited;
    handle.child.kill('SIGTERM');
    let timer;
    const killed = new Promise((resolve) => {
      timer = setTimeout(() => {
        if (!handle.exited) handle.child.kill('SIGKILL');
        resolve();
      }, graceMs);
    });
    await Promise.race([handle.exitPromise, killed]);
    clearTimeout(timer);
    return handle.exitPromise;
  }

  async stopAll(graceMs = 10_000) {
    await Promise.all([...this.running].map((handle) => this.stop(handle, graceMs)));
  }

  /** Last resort on process exit: synchronous SIGKILL to whatever still runs. */
  killAllNow() {
    for (const handle of this.running) {
      try {
        handle.child.kill('SIGKILL');
      } catch {
        // already gone
      }
    }
  }
}

module.exports = { Children };
