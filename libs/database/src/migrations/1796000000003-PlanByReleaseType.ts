/**
 * Issue 13 points 3 and 8 for databases whose task catalogue was loaded before them (the reference data loader
 * only adds missing entries, never changes an admin's): the COM's and the CRS provider's tasks are not for a woman
 * released at the end of her sentence with no supervision, and get the pre-release team's alternatives; the CRS
 * finance-and-debt and education-and-work entries before release are retired (outside the CRS contracts' custodial
 * scope). The new entries (HDC address tasks, the pre-release team's finance and work tasks) are added by the
 * loader at start. An entry whose eligibility an administrator has already changed is left as it is.
 * No table changes: the HDC_ELIGIBILITY anchor fits the existing varchar(16) column.
 */
import { MigrationInterface, QueryRunner } from 'typeorm';

/** Frozen here as they were written, so a later catalogue change cannot change what this migration did. */
const SUPERVISED_ONLY_ENTRIES: { key: string; alternative: Record<string, string> | null }[] = [
  {
    key: 'CRS_ACCOMMODATION_REFERRAL',
    alternative: {
      title: 'No CRS after a sentence-end release: link her with voluntary housing support',
      description:
        'She leaves at the end of her sentence with no supervision, so she has no community offender manager after release and the CRS provider will not take her. Link her with a voluntary housing or women’s centre service in her release area within two working days, and make the duty to refer to the local authority as well.',
      ownerRole: 'PRE_RELEASE_TEAM',
    },
  },
  { key: 'CRS_ACCOMMODATION_SUPPORT', alternative: null },
  {
    key: 'RELEASE_ADDRESS_CONFIRMED',
    alternative: {
      title: 'Find out where she will live on release',
      description:
        'She has no licence, so no address needs approving, but somebody must know where she is going: ask her, check it is safe for her, and tell healthcare and the other teams so that community services can take referrals.',
      ownerRole: 'PRE_RELEASE_TEAM',
    },
  },
  { key: 'ACCOMMODATION_NIGHT_OF_RELEASE', alternative: null },
  { key: 'ACCOMMODATION_OUTCOME_12_WEEKS', alternative: null },
  {
    key: 'CRS_PERSONAL_WELLBEING_REFERRAL',
    alternative: {
      title: 'No CRS after a sentence-end release: a pre-release course and a women’s centre',
      description:
        'She leaves with no supervision, so the CRS provider will not take her. Offer her a short pre-release course where the prison runs one, and link her with a women’s centre or mentoring service in her release area that will work with her after release.',
      ownerRole: 'PRE_RELEASE_TEAM',
    },
  },
  {
    key: 'CRS_DOMESTIC_ABUSE_REFERRAL',
    alternative: {
      title: 'Refer her to a specialist domestic abuse service',
      description:
        'She leaves with no supervision, so no COM will refer her. Refer her to a specialist domestic abuse service in her release area within two working days, talking to her face to face, and record what she agrees can be shared.',
      ownerRole: 'PRE_RELEASE_TEAM',
    },
  },
  {
    key: 'DOMESTIC_ABUSE_SAFETY_PLAN',
    alternative: {
      title: 'Agree a safety plan for her release address with her',
      description:
        'She has no COM after release, so the pre-release team agrees the safety plan with her and the specialist domestic abuse service: whether the abuser knows or lives near her address, who she can call, and any police or MARAC involvement.',
      ownerRole: 'PRE_RELEASE_TEAM',
    },
  },
  {
    key: 'CRS_SEX_WORK_REFERRAL',
    alternative: {
      title: 'Refer her to a specialist service for women involved in sex work',
      description:
        'She leaves with no supervision, so no COM will refer her. Refer her to a specialist service for women involved in sex work in her release area within two working days.',
      ownerRole: 'PRE_RELEASE_TEAM',
    },
  },
];

const NOT_FOR_SENTENCE_END = { releaseTypeNotIn: ['SENTENCE_END_NO_SUPERVISION'] };

const RETIRED_KEYS = ['CRS_FINANCE_BENEFIT_DEBT_SUPPORT', 'CRS_EDUCATION_WORK_SUPPORT'];

/** Added by the loader with this change; retired (never deleted: tasks keep their key) when it is reverted. */
const ADDED_KEYS = [
  'HDC_CURFEW_ADDRESS',
  'HDC_CAS2_REFERRAL',
  'HDC_ADDRESS_CHECKS',
  'FINANCE_DEBT_SUPPORT_BEFORE_RELEASE',
  'EDUCATION_WORK_PLAN_BEFORE_RELEASE',
];

export class PlanByReleaseType1796000000003 implements MigrationInterface {
  name = 'PlanByReleaseType1796000000003';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const { key, alternative } of SUPERVISED_ONLY_ENTRIES) {
      await queryRunner.query(
        `UPDATE "task_catalogue"
         SET "eligibility" = "eligibility" || $2::jsonb,
             "ineligible_alternative" = COALESCE("ineligible_alternative", $3::jsonb),
             "version" = "version" + 1
         WHERE "key" = $1 AND "eligibility" = '{}'::jsonb`,
        [key, JSON.stringify(NOT_FOR_SENTENCE_END), alternative === null ? null : JSON.stringify(alternative)],
      );
    }
    await queryRunner.query(
      `UPDATE "task_catalogue" SET "active" = false, "version" = "version" + 1 WHERE "key" = ANY($1) AND "active"`,
      [RETIRED_KEYS],
    );
    // Re-activated on a re-run after a revert; a fresh database has none of them yet (the loader adds them).
    await queryRunner.query(
      `UPDATE "task_catalogue" SET "active" = true, "version" = "version" + 1 WHERE "key" = ANY($1) AND NOT "active"`,
      [ADDED_KEYS],
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `UPDATE "task_catalogue" SET "active" = false, "version" = "version" + 1 WHERE "key" = ANY($1) AND "active"`,
      [ADDED_KEYS],
    );
    await queryRunner.query(
      `UPDATE "task_catalogue" SET "active" = true, "version" = "version" + 1 WHERE "key" = ANY($1) AND NOT "active"`,
      [RETIRED_KEYS],
    );
    for (const { key, alternative } of SUPERVISED_ONLY_ENTRIES) {
      await queryRunner.query(
        `UPDATE "task_catalogue"
         SET "eligibility" = "eligibility" - 'releaseTypeNotIn',
             "ineligible_alternative" = CASE WHEN "ineligible_alternative" = $2::jsonb THEN NULL
                                             ELSE "ineligible_alternative" END,
             "version" = "version" + 1
         WHERE "key" = $1 AND "eligibility" = $3::jsonb`,
        [key, alternative === null ? null : JSON.stringify(alternative), JSON.stringify(NOT_FOR_SENTENCE_END)],
      );
    }
  }
}
