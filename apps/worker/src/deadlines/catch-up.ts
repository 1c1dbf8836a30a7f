/**
 * What a worker does when it starts, and again when Redis has lost its jobs: PostgreSQL holds every deadline, so
 * the horizon's jobs are rebuilt from it and whatever passed meanwhile is raised.
 *
 * One instant, taken once, splits the two: the horizon's read covers the thresholds after it, the reconciler those
 * at or before it, so none falls between them. (When each took its own clock, the reconciler's first, a threshold
 * passing while it ran, seconds on a national data set, was in neither, and waited for the next reconciler run.)
 * The horizon goes first: its read and addBulk take tens of milliseconds, so the coming instants are watched again
 * at once, and its read does not share the cores with the relay publishing what the reconciler raises. An instant
 * already past when its job is added runs as soon as the queue's worker starts (its delay is never negative).
 */
import type { HorizonService } from './horizon.service';
import type { ReconcilerService } from './reconciler.service';

export async function catchUp(
  horizon: Pick<HorizonService, 'topUp'>,
  reconciler: Pick<ReconcilerService, 'run'>,
  now: Date = new Date(),
): Promise<void> {
  await horizon.topUp(now);
  await reconciler.run(now);
}
