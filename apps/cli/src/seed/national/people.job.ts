/**
 * Job 2 of the national load: the people. Everyone in custody now and everyone released in the last 365 days
 * is a row in `women`: the national set includes men and uses the same table, since the service records
 * people, not sexes (the 12 women's prisons hold the women, the synthetic prisons the men). About a tenth of
 * those released were recalled within 12 weeks and are back in custody. Leaves nat_person (one row per
 * person, with her draws) and nat_plan (one row per resettlement plan: a recall starts a second one).
 */
import { CustodyStatus, ReleaseDateSource, ReleaseType, SensitiveFlag } from '@app/domain';
import { FIRST_NAMES, LAST_NAMES } from '../demo-names';
import { execute, londonTimeSql, NationalRun, pickSql, rnd, syntheticIdSql } from './national-sql';

/** Common British men's names for the synthetic men's estate; combined at random, so no record is a real person. */
const MEN_FIRST_NAMES: readonly string[] = (
  'Aaron Adam Adrian Ahmed Alan Alex Andrew Anthony Ashley Ben Billy Brandon Callum Carl Chris Connor Craig ' +
  'Daniel Darren David Dean Dylan Gary Gareth Graham Harry Ian Imran Jack Jake Jamie Jason Jordan Joseph Kai ' +
  'Kane Karl Kieran Kyle Lee Lewis Liam Luke Marcus Mark Martin Matthew Michael Mohammed Nathan Neil Owen ' +
  'Paul Peter Reece Rhys Richard Robert Ryan Scott Sean Shane Simon Stephen Steven Stuart Thomas Tom Tyler Wayne'
).split(' ');

/** Each draw has its own salt (this job's hundred: 100-199). */
const SALT = {
  localArea: 101,
  area: 102,
  kind: 103,
  releaseIn: 104,
  served: 105,
  releasedAgo: 106,
  sentence: 107,
  planDay: 108,
  planHour: 109,
  recall: 110,
  recallAfter: 111,
  recallRelease: 112,
  recallPlan: 113,
  firstName: 114,
  lastName: 115,
  birth: 116,
  complexity: 117,
  flag: 120, // 120-124, one per flag
  releaseType: 130,
  nationalInsurance: 131,
} as const;

/** Flags and how common they are among women and among men. */
const FLAG_RATES: readonly { flag: SensitiveFlag; women: number; men: number }[] = [
  { flag: SensitiveFlag.DOMESTIC_ABUSE, women: 0.35, men: 0.06 },
  { flag: SensitiveFlag.SEX_WORK, women: 0.08, men: 0.01 },
  { flag: SensitiveFlag.MENTAL_HEALTH, women: 0.5, men: 0.3 },
  { flag: SensitiveFlag.DEPENDENT_CHILDREN, women: 0.4, men: 0.3 },
  { flag: SensitiveFlag.FOREIGN_NATIONAL, women: 0.08, men: 0.12 },
];

/** Share of people recalled within 12 weeks of release. */
const RECALL_RATE = 0.1;

export async function loadPeople(run: NationalRun): Promise<number> {
  const r = (name: keyof typeof SALT) => rnd('b.i', SALT[name]);
  const flags = FLAG_RATES.map(
    (f, k) =>
      `CASE WHEN ${rnd('b.i', SALT.flag + k)} < (CASE WHEN b.womens THEN ${f.women} ELSE ${f.men} END) THEN '${f.flag}' END`,
  ).join(', ');
  const lastWorkingDayOnOrBefore = (alias: string, date: string) =>
    `LEFT JOIN nat_day ${alias}_d ON ${alias}_d.day = (${date}) LEFT JOIN nat_wd ${alias} ON ${alias}.wdn = ${alias}_d.wdn`;

  await execute(
    run,
    `CREATE TEMP TABLE nat_person ON COMMIT DROP AS
     WITH base AS (
       SELECT g.i, p.code AS prison_code, p.region_code, p.womens, p.pom_id, p.prt_id, false AS was_released
       FROM nat_prison p, generate_series(p.first_custody, p.first_custody + p.custody - 1) g(i)
       UNION ALL
       SELECT g.i, p.code, p.region_code, p.womens, p.pom_id, p.prt_id, true
       FROM nat_prison p, generate_series(p.first_released, p.first_released + p.released - 1) g(i) OFFSET 0
     ),
     drawn AS (
       -- Release dates and time served are drawn so that about as many people leave in the coming weeks as
       -- left in the past ones (and as many arrived recently as before): the estate looks the same from
       -- week to week, and the weekly overdue trend drifts little (it rose by more than half over 12 weeks
       -- when releases bunched in the coming weeks).
       SELECT b.*,
              CASE WHEN ${r('localArea')} < 0.7 THEN la.code ELSE ga.code END AS area_code,
              CASE WHEN b.was_released THEN 'RELEASED'
                   WHEN ${r('kind')} < 0.08 THEN 'REMANDED'
                   WHEN ${r('kind')} < 0.12 THEN 'UNDATED'
                   WHEN ${r('kind')} < 0.125 THEN 'PAST_DUE'
                   ELSE 'DATED' END AS kind,
              CASE WHEN ${r('kind')} < 0.125 THEN -(1 + floor(10 * ${r('releaseIn')}))::int
                   ELSE 1 + floor(729 * power(${r('releaseIn')}, 1.2))::int END AS release_in,
              7 + floor(700 * power(${r('served')}, 1.15))::int AS served,
              1 + floor(360 * ${r('releasedAgo')})::int AS released_ago,
              28 + floor(900 * power(${r('sentence')}, CASE WHEN b.womens THEN 2.6 ELSE 2.0 END))::int AS sentence,
              ${r('planDay')} AS u_plan_day, 9 + 7 * ${r('planHour')} AS plan_hour,
              ${r('recall')} < ${RECALL_RATE} AS recalled, 5 + floor(79 * ${r('recallAfter')})::int AS recall_after,
              1 + floor(150 * ${r('recallRelease')})::int AS recall_release_in,
              1 + floor(2 * ${r('recallPlan')})::int AS recall_plan_after,
              CASE WHEN b.womens THEN ${pickSql('$2::text[]', r('firstName'))} ELSE ${pickSql('$3::text[]', r('firstName'))} END
                AS first_name,
              ${pickSql('$4::text[]', r('lastName'))} AS last_name,
              (18 * 365 + floor(50 * 365 * ${r('birth')}))::int AS age_days,
              CASE WHEN ${r('complexity')} < 0.4 THEN 'LOW' WHEN ${r('complexity')} < 0.8 THEN 'MEDIUM' ELSE 'HIGH' END
                AS complexity,
              array_remove(ARRAY[${flags}]::text[], NULL) AS flags,
              CASE WHEN ${r('releaseType')} < 0.7 THEN '${ReleaseType.LICENCE}'
                   WHEN ${r('releaseType')} < 0.8 THEN '${ReleaseType.POST_SENTENCE_SUPERVISION}'
                   WHEN ${r('releaseType')} < 0.9 THEN '${ReleaseType.SENTENCE_END_NO_SUPERVISION}'
                   ELSE '${ReleaseType.HDC}' END AS release_type,
              ${r('nationalInsurance')} < 0.8 AS has_ni
       FROM base b
       JOIN (SELECT region_code, count(*)::int AS n FROM nat_area GROUP BY region_code) reg
         ON reg.region_code = b.region_code
       JOIN nat_area la ON la.region_code = b.region_code AND la.region_ord = floor(${r('area')} * reg.n)::int
       JOIN nat_area ga ON ga.ord = floor(${r('area')} * (SELECT count(*) FROM nat_area))::int OFFSET 0
     ),
     dated AS (
       SELECT d.*,
              CASE WHEN d.kind IN ('DATED', 'PAST_DUE') THEN rel.day END AS release_date,
              CASE WHEN d.was_released THEN rof.day END AS released_on,
              -- Someone still held after her release date came in well before it.
              CASE WHEN d.was_released THEN rof.day - d.sentence
                   WHEN d.kind = 'PAST_DUE' THEN $1::date - GREATEST(d.served, 28 - d.release_in)
                   ELSE $1::date - d.served END AS reception_date
       FROM drawn d
       ${lastWorkingDayOnOrBefore('rel', '$1::date + d.release_in')}
       ${lastWorkingDayOnOrBefore('rof', '$1::date - d.released_ago')} OFFSET 0
     ),
     recalled AS (
       SELECT t.*,
              CASE WHEN t.was_released AND t.recalled AND t.released_on + t.recall_after <= $1::date - 3
                   THEN t.released_on + t.recall_after END AS recalled_on,
              -- The plan is made within two weeks of reception, and before release or today.
              t.reception_date + 1
                + floor(t.u_plan_day * LEAST(13, COALESCE(t.released_on, $1::date) - t.reception_date - 2))::int
                AS plan_day
       FROM dated t OFFSET 0
     )
     SELECT x.*, ${syntheticIdSql('woman', 'x.i')} AS woman_id,
            a.provider_id, a.com_id, a.caseworker_id, a.allows_direct_referral,
            ${londonTimeSql('x.plan_day', 'x.plan_hour')} AS plan_at,
            CASE WHEN x.recalled_on IS NOT NULL THEN rr.day END AS recall_release_date,
            ${londonTimeSql('x.recalled_on + x.recall_plan_after', '10')} AS recall_plan_at
     FROM recalled x
     JOIN nat_area a ON a.code = x.area_code
     ${lastWorkingDayOnOrBefore('rr', 'GREATEST($1::date + x.recall_release_in, x.recalled_on + 95)')}`,
    [run.today, [...FIRST_NAMES], [...MEN_FIRST_NAMES], [...LAST_NAMES]],
  );
  await execute(run, `ALTER TABLE nat_person ADD PRIMARY KEY (i)`);

  const written = await execute(
    run,
    `INSERT INTO women (id, prison_number, first_name, last_name, date_of_birth, prison_code, custody_status,
                        sentence_start_date, reception_date, conditional_release_date, post_recall_release_date,
                        hdc_actual_date,
                        confirmed_release_date, release_date, release_date_source, release_type, release_area_code,
                        pom_id, com_id, complexity, sensitive_flags, has_national_insurance_number, released_on,
                        released_from_prison_code, recall_count, version, created_at, updated_at)
     SELECT woman_id,
            -- A letter, four digits, two letters (A1234BC): unique for the first 6.76 million people.
            'N' || lpad((i % 10000)::text, 4, '0') || chr(65 + ((i / 10000) / 26 % 26)::int) || chr(65 + ((i / 10000) % 26)::int),
            first_name, last_name, $1::date - age_days,
            CASE WHEN released_on IS NOT NULL AND recalled_on IS NULL THEN 'OUT' ELSE prison_code END,
            CASE WHEN recalled_on IS NOT NULL THEN '${CustodyStatus.RECALLED}'
                 WHEN kind = 'REMANDED' THEN '${CustodyStatus.REMANDED}' ELSE '${CustodyStatus.SENTENCED}' END,
            CASE WHEN kind <> 'REMANDED' THEN reception_date END,
            COALESCE(recalled_on, reception_date),
            -- A recalled woman's next release is her post-recall release date, not a CRD (release-date-precedence.ts).
            CASE WHEN recalled_on IS NULL AND kind IN ('DATED', 'PAST_DUE') AND release_type <> '${ReleaseType.HDC}' AND release_in > 14 THEN release_date END,
            CASE WHEN recalled_on IS NOT NULL THEN recall_release_date END,
            CASE WHEN recalled_on IS NULL AND kind IN ('DATED', 'PAST_DUE') AND release_type = '${ReleaseType.HDC}' THEN release_date END,
            CASE WHEN recalled_on IS NULL AND released_on IS NOT NULL THEN released_on
                 WHEN kind IN ('DATED', 'PAST_DUE') AND release_type <> '${ReleaseType.HDC}' AND release_in <= 14 THEN release_date END,
            COALESCE(recall_release_date, released_on, release_date),
            CASE WHEN recalled_on IS NOT NULL THEN '${ReleaseDateSource.PRRD}'
                 WHEN released_on IS NOT NULL THEN '${ReleaseDateSource.CONFIRMED}'
                 WHEN kind NOT IN ('DATED', 'PAST_DUE') THEN NULL
                 WHEN release_type = '${ReleaseType.HDC}' THEN '${ReleaseDateSource.HDC_ACTUAL}'
                 WHEN release_in <= 14 THEN '${ReleaseDateSource.CONFIRMED}' ELSE '${ReleaseDateSource.CRD}' END,
            CASE WHEN kind IN ('DATED', 'PAST_DUE', 'RELEASED') THEN release_type END,
            area_code, pom_id, com_id, complexity, flags, has_ni, released_on,
            CASE WHEN released_on IS NOT NULL THEN prison_code END,
            CASE WHEN recalled_on IS NOT NULL THEN 1 ELSE 0 END,
            1, ${londonTimeSql('reception_date', '9')}, $2::timestamptz
     FROM nat_person ORDER BY i`,
    [run.today, run.asOf],
  );

  // One plan per person, anchored on her release date (the day she left, for those released); a recall
  // starts a second plan for the new release date.
  await execute(
    run,
    `CREATE TEMP TABLE nat_plan ON COMMIT DROP AS
     SELECT i * 2 AS plan_i, i, false AS after_recall, COALESCE(released_on, release_date) AS release_anchor,
            reception_date, plan_at,
            CASE WHEN released_on IS NOT NULL THEN ${londonTimeSql('released_on', '10')} END AS released_at,
            CASE WHEN recalled_on IS NOT NULL THEN ${londonTimeSql('recalled_on', '11')} END AS recalled_at
     FROM nat_person
     UNION ALL
     SELECT i * 2 + 1, i, true, recall_release_date, recalled_on, recall_plan_at, NULL, NULL
     FROM nat_person WHERE recalled_on IS NOT NULL`,
  );
  await execute(run, `ALTER TABLE nat_plan ADD PRIMARY KEY (plan_i)`);
  await execute(run, `ANALYZE nat_person`);
  await execute(run, `ANALYZE nat_plan`);
  return written;
}
