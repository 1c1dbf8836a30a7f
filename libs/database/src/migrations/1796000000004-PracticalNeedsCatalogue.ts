/**
 * Brings an existing database's task catalogue up to the issue 13 practical-needs rules. A fresh database gets
 * them from the default catalogue (ReferenceDataLoader inserts missing entries and never overwrites existing
 * ones), so an existing one needs this data migration:
 * - NATIONAL_INSURANCE_NUMBER is retired (active false): confirming a number (HMRC) and getting a first one
 *   (DWP) are now separate entries, added by the loader.
 * - BANK_ACCOUNT is open to recalled women: the banks' scheme excludes remand (no release date), not recall.
 * - DUTY_TO_REFER applies to English release areas only: Wales has its own pathway (an entry the loader adds).
 * Each update touches a row only while it still holds the value it replaces, and bumps its version so an
 * admin's edit made from an older read is refused rather than silently overwriting this one.
 */
import { MigrationInterface, QueryRunner } from 'typeorm';

export class PracticalNeedsCatalogue1796000000004 implements MigrationInterface {
  name = 'PracticalNeedsCatalogue1796000000004';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            UPDATE "task_catalogue" SET "active" = false, "version" = "version" + 1
            WHERE "key" = 'NATIONAL_INSURANCE_NUMBER' AND "active" = true
        `);
    await queryRunner.query(`
            UPDATE "task_catalogue"
            SET "eligibility" = jsonb_set("eligibility", '{custodyStatusIn}', '["SENTENCED", "RECALLED"]'::jsonb),
                "version" = "version" + 1
            WHERE "key" = 'BANK_ACCOUNT' AND "eligibility" -> 'custodyStatusIn' = '["SENTENCED"]'::jsonb
        `);
    await queryRunner.query(`
            UPDATE "task_catalogue"
            SET "eligibility" = "eligibility" || '{"releaseCountryIn": ["ENGLAND"]}'::jsonb, "version" = "version" + 1
            WHERE "key" = 'DUTY_TO_REFER' AND NOT ("eligibility" ? 'releaseCountryIn')
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            UPDATE "task_catalogue" SET "eligibility" = "eligibility" - 'releaseCountryIn', "version" = "version" + 1
            WHERE "key" = 'DUTY_TO_REFER' AND "eligibility" -> 'releaseCountryIn' = '["ENGLAND"]'::jsonb
        `);
    await queryRunner.query(`
            UPDATE "task_catalogue"
            SET "eligibility" = jsonb_set("eligibility", '{custodyStatusIn}', '["SENTENCED"]'::jsonb),
                "version" = "version" + 1
            WHERE "key" = 'BANK_ACCOUNT' AND "eligibility" -> 'custodyStatusIn' = '["SENTENCED", "RECALLED"]'::jsonb
        `);
    await queryRunner.query(`
            UPDATE "task_catalogue" SET "active" = true, "version" = "version" + 1
            WHERE "key" = 'NATIONAL_INSURANCE_NUMBER' AND "active" = false
        `);
  }
}
