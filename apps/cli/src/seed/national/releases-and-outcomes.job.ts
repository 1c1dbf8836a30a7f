/**
 * Job 5 of the national load: a release record for everyone released in the last year (closed by a recall
 * for those recalled), and the accommodation outcomes recorded against it. An outcome is the record that
 * completed her night-of-release or 12-week task, so it exists exactly where that task was done, and was
 * recorded when the task was; a recall before 12 weeks leaves the 12-week checkpoint to the recall.
 */
import {
  ACCOMMODATION_CHECKPOINT_TASK_KEYS,
  AccommodationCheckpoint,
  AccommodationType,
  TaskStatus,
} from '@app/domain';
import { execute, londonTimeSql, NationalRun, rnd, syntheticIdSql, weightedSql } from './national-sql';

/** Where people slept on the first night, and lived at 12 weeks (relative weights). */
const NIGHT_OF_RELEASE: readonly (readonly [AccommodationType, number])[] = [
  [AccommodationType.SETTLED, 34],
  [AccommodationType.APPROVED_PREMISES, 14],
  [AccommodationType.CAS2, 5],
  [AccommodationType.CAS3, 12],
  [AccommodationType.TEMPORARY, 17],
  [AccommodationType.NIGHT_SHELTER, 8],
  [AccommodationType.ROUGH_SLEEPING, 10],
];
const WEEK_12: readonly (readonly [AccommodationType, number])[] = [
  [AccommodationType.SETTLED, 46],
  [AccommodationType.APPROVED_PREMISES, 7],
  [AccommodationType.CAS2, 3],
  [AccommodationType.CAS3, 10],
  [AccommodationType.TEMPORARY, 16],
  [AccommodationType.NIGHT_SHELTER, 7],
  [AccommodationType.ROUGH_SLEEPING, 11],
];

/** This job's salts: 400-499. */
const SALT = { type: 401 };

export async function loadReleasesAndOutcomes(run: NationalRun): Promise<{ releases: number; outcomes: number }> {
  const releases = await execute(
    run,
    `INSERT INTO releases (id, woman_id, prison_code, released_on, recalled_on, created_at)
     SELECT ${syntheticIdSql('release', 'i')}, woman_id, prison_code, released_on, recalled_on,
            ${londonTimeSql('released_on', '10')}
     FROM nat_person WHERE released_on IS NOT NULL
     ORDER BY i`,
  );
  const draw = rnd('t.n', SALT.type);
  const night = ACCOMMODATION_CHECKPOINT_TASK_KEYS[AccommodationCheckpoint.NIGHT_OF_RELEASE];
  const week12 = ACCOMMODATION_CHECKPOINT_TASK_KEYS[AccommodationCheckpoint.WEEK_12];
  const outcomes = await execute(
    run,
    `INSERT INTO accommodation_outcomes (id, release_id, woman_id, checkpoint, accommodation_type, recorded_by_id,
                                         recorded_at)
     SELECT ${syntheticIdSql('outcome', 't.n')}, ${syntheticIdSql('release', 't.i')}, t.woman_id,
            CASE t.template_key WHEN '${night}' THEN '${AccommodationCheckpoint.NIGHT_OF_RELEASE}'
                 ELSE '${AccommodationCheckpoint.WEEK_12}' END,
            CASE t.template_key WHEN '${night}' THEN ${weightedSql(draw, NIGHT_OF_RELEASE)}
                 ELSE ${weightedSql(draw, WEEK_12)} END,
            t.closer_id, t.completed_at
     FROM nat_task t
     JOIN nat_person p ON p.i = t.i
     -- The plan that ended in the release (a recall's second plan has not reached release yet).
     WHERE t.template_key IN ('${night}', '${week12}') AND t.status = '${TaskStatus.DONE}'
       AND t.plan_i = t.i * 2 AND p.released_on IS NOT NULL
     ORDER BY t.n`,
  );
  return { releases, outcomes };
}
