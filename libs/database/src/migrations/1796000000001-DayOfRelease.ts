/**
 * The day she walks out beside the day her sentence says: women.release_date stays the date tasks count from
 * (now the walk-out day), scheduled_release_date keeps the date before the day-of-release rules moved it and
 * release_day_rule which rule did (CJA 1961 s.23(3), s.23(3B)), or why the Friday rule did not apply. An
 * indeterminate sentence is one of the framework's exclusions, and her COM's request for one more working day
 * (its reason, who made it, when) is held with her.
 */
import { MigrationInterface, QueryRunner } from 'typeorm';

export class DayOfRelease1796000000001 implements MigrationInterface {
  name = 'DayOfRelease1796000000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "women"
                ADD "scheduled_release_date" date,
                ADD "release_day_rule" character varying(32),
                ADD "indeterminate_sentence" boolean NOT NULL DEFAULT false,
                ADD "release_day_request_reason" text,
                ADD "release_day_requested_by_id" uuid,
                ADD "release_day_requested_at" TIMESTAMP WITH TIME ZONE,
                ADD CONSTRAINT "FK_women_release_day_requested_by" FOREIGN KEY ("release_day_requested_by_id")
                    REFERENCES "users"("id")
        `);
    // Women recorded before: their scheduled date by the same precedence; the rule is worked out on their next change.
    await queryRunner.query(`
            UPDATE "women" SET "scheduled_release_date" = COALESCE("confirmed_release_date", "actual_parole_date",
                "hdc_actual_date", "conditional_release_date", "automatic_release_date")
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "women"
                DROP CONSTRAINT "FK_women_release_day_requested_by",
                DROP COLUMN "release_day_requested_at",
                DROP COLUMN "release_day_requested_by_id",
                DROP COLUMN "release_day_request_reason",
                DROP COLUMN "indeterminate_sentence",
                DROP COLUMN "release_day_rule",
                DROP COLUMN "scheduled_release_date"
        `);
  }
}
