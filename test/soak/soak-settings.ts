/** The soak's size and length, from the environment (npm run soak; .ci/run sets SOAK_MINUTES=2). */
export interface SoakSettings {
  minutes: number;
  clients: number;
  /** Writes started per second, steadily, whatever the answers take. */
  opsPerSecond: number;
}

function positive(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!(Number.isFinite(value) && value > 0)) throw new Error(`${name} must be a number above 0, not '${raw}'`);
  return value;
}

export function readSoakSettings(env: NodeJS.ProcessEnv = process.env): SoakSettings {
  return {
    minutes: positive(env, 'SOAK_MINUTES', 10),
    clients: Math.round(positive(env, 'SOAK_CLIENTS', 1000)),
    opsPerSecond: positive(env, 'SOAK_OPS_PER_SECOND', 8),
  };
}

/** p-th percentile (0..100) of `values`, nearest rank; null when there are none. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}
