/**
 * What the national jobs share: the run they belong to, and the SQL fragments that make the data set
 * deterministic. Draws are hashes of a row's number and a salt rather than random(), and ids are built from
 * a tag and the same number, so the same scale on the same day always gives the same rows.
 *
 * The jobs write each statement as a chain of CTE steps, each ending OFFSET 0: that keeps the planner from
 * folding a step into the next, which would copy its expressions into every place they are used and
 * evaluate them many times over (the alerts step ran ten times slower that way).
 */
import { Tx } from '@app/database';

export interface NationalRun {
  /** One transaction for the whole load: a load that fails half way leaves nothing behind. */
  tx: Tx;
  scale: number;
  /** The data set's "now": 00:00 London on the day of the run. Nothing is dated after it. */
  asOf: Date;
  /** The London date of asOf. */
  today: string;
}

/**
 * A float in [0, 1) drawn from a whole-number key. Salts stay below the multiplier, so (key, salt) pairs never
 * share a hash input; each job keeps its own hundred of salts so its draws are independent of the others'.
 */
export function rnd(key: string, salt: number): string {
  if (!Number.isInteger(salt) || salt < 0 || salt >= 7919) throw new RangeError(`A salt is 0..7918, not ${salt}`);
  return `((hashint8((${key})::bigint * 7919 + ${salt}) & 2147483647)::float8 / 2147483648.0)`;
}

/** The first hex group of each kind of synthetic id, so an id says what it is and never clashes with another kind. */
export const ID_TAGS = {
  user: 'a1000001',
  provider: 'a1000002',
  woman: 'a1000003',
  task: 'a1000004',
  referral: 'a1000005',
  release: 'a1000006',
  outcome: 'a1000007',
  alert: 'a1000008',
} as const;

/**
 * A version-4-shaped uuid made from a tag and a number (up to 2^48): deterministic, and increasing with the
 * number, so rows inserted in number order land at the end of their primary-key index.
 */
export function syntheticIdSql(tag: keyof typeof ID_TAGS, n: string): string {
  return `('${ID_TAGS[tag]}-0000-4000-8000-' || lpad(to_hex((${n})::bigint), 12, '0'))::uuid`;
}

/** 17:00 London time on a date: when a task due that day falls due (as the domain's endOfWorkingDay). */
export function endOfWorkingDaySql(date: string): string {
  return `(((${date})::date + time '17:00') AT TIME ZONE 'Europe/London')`;
}

/** A wall-clock time on a London date: `hours` may be fractional. */
export function londonTimeSql(date: string, hours: string): string {
  return `(((${date})::date + (${hours}) * interval '1 hour') AT TIME ZONE 'Europe/London')`;
}

/** The London date of an instant. */
export function londonDateSql(instant: string): string {
  return `((${instant}) AT TIME ZONE 'Europe/London')::date`;
}

/** One element of a text[] parameter, chosen by a draw in [0, 1). */
export function pickSql(array: string, draw: string): string {
  return `(${array})[1 + floor(${draw} * cardinality(${array}))::int]`;
}

/** Runs one statement on the load's connection and answers how many rows it wrote or read. */
export async function execute(run: NationalRun, sql: string, params: unknown[] = []): Promise<number> {
  const runner = run.tx.queryRunner;
  if (!runner) throw new Error('The national load must run inside a transaction');
  // The structured result carries the row count, which a plain query() drops for INSERT.
  const result = (await runner.query(sql, params, true)) as { affected?: number };
  return result.affected ?? 0;
}

/** A value chosen by a draw in [0, 1) with probability proportional to its weight. */
export function weightedSql(draw: string, weights: readonly (readonly [string, number])[]): string {
  const total = weights.reduce((sum, [, w]) => sum + w, 0);
  let cumulative = 0;
  const branches = weights.slice(0, -1).map(([value, w]) => {
    cumulative += w;
    return `WHEN ${draw} < ${cumulative / total} THEN '${value}'`;
  });
  return `CASE ${branches.join(' ')} ELSE '${weights[weights.length - 1][0]}' END`;
}
