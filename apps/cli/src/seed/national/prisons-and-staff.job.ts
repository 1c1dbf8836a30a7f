/**
 * Job 1 of the national load: the synthetic men's prisons, the CRS providers (the demo's, so every release
 * area has one), and a modest staff: per prison a pre-release team member, a POM and a governor; per release
 * area a COM; per provider a caseworker; per region a regional manager over its prisons; one admin. Leaves
 * nat_prison and nat_area behind for the later jobs, with the staff ids each person's work goes to.
 */
import { REGIONS, Role } from '@app/domain';
import { DEMO_PROVIDERS } from '../demo-providers';
import { EstatePrison, releaseAreasByRegion } from './national-estate';
import { execute, NationalRun, syntheticIdSql } from './national-sql';

/** Ranges of the user id numbers, one per kind of account, so every id follows from what the user is. */
const USER_NUMBERS = { prison: 0, area: 10_000, provider: 20_000, region: 30_000, admin: 40_000 } as const;

export async function loadPrisonsAndStaff(
  run: NationalRun,
  estate: readonly EstatePrison[],
  passwordHash: string,
): Promise<void> {
  await execute(
    run,
    `CREATE TEMP TABLE nat_prison ON COMMIT DROP AS
     SELECT (ord - 1)::int AS ord, code, name, region_code, womens, custody, released, first_custody, first_released
     FROM unnest($1::text[], $2::text[], $3::text[], $4::bool[], $5::int[], $6::int[], $7::bigint[], $8::bigint[])
          WITH ORDINALITY AS p(code, name, region_code, womens, custody, released, first_custody, first_released, ord)`,
    [
      estate.map((p) => p.code),
      estate.map((p) => p.name),
      estate.map((p) => p.regionCode),
      estate.map((p) => p.womens),
      estate.map((p) => p.custody),
      estate.map((p) => p.released),
      estate.map((p) => p.firstCustody),
      estate.map((p) => p.firstReleased),
    ],
  );
  // The women's prisons are reference data already; only the synthetic ones are new.
  await execute(
    run,
    `INSERT INTO prisons (code, name, region_code)
     SELECT code, name, region_code FROM nat_prison WHERE NOT womens
     ON CONFLICT (code) DO NOTHING`,
  );
  await execute(
    run,
    `ALTER TABLE nat_prison
       ADD COLUMN prt_id uuid, ADD COLUMN pom_id uuid, ADD COLUMN governor_id uuid`,
  );
  await execute(
    run,
    `UPDATE nat_prison SET
       prt_id = ${syntheticIdSql('user', `${USER_NUMBERS.prison} + ord * 3`)},
       pom_id = ${syntheticIdSql('user', `${USER_NUMBERS.prison} + ord * 3 + 1`)},
       governor_id = ${syntheticIdSql('user', `${USER_NUMBERS.prison} + ord * 3 + 2`)}`,
  );

  await loadProviders(run);
  const areas = releaseAreasByRegion();
  await execute(
    run,
    `CREATE TEMP TABLE nat_area ON COMMIT DROP AS
     SELECT (a.ord - 1)::int AS ord, a.code, ra.name, a.region_code,
            (row_number() OVER (PARTITION BY a.region_code ORDER BY a.ord) - 1)::int AS region_ord,
            count(*) OVER (PARTITION BY a.region_code)::int AS region_areas,
            ra.provider_id, p.contract_suffix, p.allows_direct_referral,
            ${syntheticIdSql('user', `${USER_NUMBERS.area} + a.ord - 1`)} AS com_id
     FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS a(code, region_code, ord)
     JOIN release_areas ra ON ra.code = a.code
     JOIN providers p ON p.id = ra.provider_id`,
    [areas.map((a) => a.code), areas.map((a) => a.regionCode)],
  );
  await execute(
    run,
    `CREATE TEMP TABLE nat_provider ON COMMIT DROP AS
     SELECT provider_id AS id, min(contract_suffix) AS contract_suffix,
            ${syntheticIdSql('user', `${USER_NUMBERS.provider} + row_number() OVER (ORDER BY min(contract_suffix))`)}
              AS caseworker_id
     FROM nat_area GROUP BY provider_id`,
  );
  await execute(run, `ALTER TABLE nat_area ADD COLUMN caseworker_id uuid`);
  await execute(
    run,
    `UPDATE nat_area a SET caseworker_id = p.caseworker_id FROM nat_provider p WHERE p.id = a.provider_id`,
  );

  await loadStaff(run, passwordHash);
}

/**
 * The demo's fictional providers, one contract per group of neighbouring areas. An area that already has a
 * provider keeps it; a provider already present by name is reused.
 */
async function loadProviders(run: NationalRun): Promise<void> {
  await execute(
    run,
    `INSERT INTO providers (id, name, contract_suffix, allows_direct_referral)
     SELECT ${syntheticIdSql('provider', 'ord')}, name, suffix, direct
     FROM unnest($1::text[], $2::text[], $3::bool[]) WITH ORDINALITY AS p(name, suffix, direct, ord)
     ON CONFLICT (name) DO NOTHING`,
    [
      DEMO_PROVIDERS.map((p) => p.name),
      DEMO_PROVIDERS.map((p) => p.contractSuffix),
      DEMO_PROVIDERS.map((p) => p.allowsDirectReferral),
    ],
  );
  const areaProvider = DEMO_PROVIDERS.flatMap((p) => p.releaseAreaCodes.map((code) => ({ code, name: p.name })));
  await execute(
    run,
    `UPDATE release_areas ra SET provider_id = p.id
     FROM unnest($1::text[], $2::text[]) AS a(code, provider_name)
     JOIN providers p ON p.name = a.provider_name
     WHERE ra.code = a.code AND ra.provider_id IS NULL`,
    [areaProvider.map((a) => a.code), areaProvider.map((a) => a.name)],
  );
}

/** Usernames start 'nat.' so they can never clash with the demo board's sign-ins. */
async function loadStaff(run: NationalRun, passwordHash: string): Promise<void> {
  await execute(
    run,
    `INSERT INTO users (id, username, display_name, password_hash, role, prison_codes, provider_id, team_key, region_code)
     SELECT id, username, display_name, $1, role, prison_codes, provider_id, team_key, region_code FROM (
       SELECT prt_id AS id, 'nat.prt.' || lower(code) AS username, 'Pre-release team, ' || name AS display_name,
              '${Role.PRE_RELEASE_TEAM}' AS role, ARRAY[code]::text[] AS prison_codes, NULL::uuid AS provider_id,
              code::text AS team_key, NULL AS region_code, ord AS sort
       FROM nat_prison
       UNION ALL
       SELECT pom_id, 'nat.pom.' || lower(code), 'Prison offender manager, ' || name, '${Role.POM}', ARRAY[code],
              NULL, code, NULL, ord + 1000 FROM nat_prison
       UNION ALL
       SELECT governor_id, 'nat.governor.' || lower(code), 'Governor, ' || name, '${Role.GOVERNOR}', ARRAY[code],
              NULL, code, NULL, ord + 2000 FROM nat_prison
       UNION ALL
       SELECT com_id, 'nat.com.' || lower(replace(code, '_', '-')), 'Community offender manager, ' || name,
              '${Role.COM}', '{}', NULL, code, NULL, ord + 3000 FROM nat_area
       UNION ALL
       SELECT caseworker_id, 'nat.crs.' || lower(contract_suffix), 'CRS caseworker, ' || contract_suffix,
              '${Role.CRS_CASEWORKER}', '{}', id, id::text, NULL, 4000 FROM nat_provider
       UNION ALL
       SELECT ${syntheticIdSql('user', `${USER_NUMBERS.region} + r.ord`)}, 'nat.regional.' || lower(replace(r.code, '_', '-')),
              'Regional manager, ' || r.name, '${Role.REGIONAL_MANAGER}',
              (SELECT array_agg(p.code ORDER BY p.code) FROM nat_prison p WHERE p.region_code = r.code), NULL, NULL,
              r.code, 5000 + r.ord
       FROM unnest($2::text[], $3::text[]) WITH ORDINALITY AS r(code, name, ord)
       UNION ALL
       SELECT ${syntheticIdSql('user', `${USER_NUMBERS.admin}`)}, 'nat.admin', 'National data set administrator',
              '${Role.ADMIN}', '{}', NULL, NULL, NULL, 6000
     ) staff
     ORDER BY sort, username`,
    [passwordHash, REGIONS.map((r) => r.code), REGIONS.map((r) => r.name)],
  );
}
