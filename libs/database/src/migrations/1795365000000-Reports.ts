/**
 * What the governor reports need: regions, a record of every release (and the recall that may end it), the
 * accommodation outcomes recorded against a release, a working-day calendar for SQL, the weekly overdue
 * roll-up, and indexes for reading a year of history fast.
 */
import { MigrationInterface, QueryRunner } from 'typeorm';

export class Reports1795365000000 implements MigrationInterface {
  name = 'Reports1795365000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "prisons" ADD "region_code" character varying(16)`);
    await queryRunner.query(`ALTER TABLE "users" ADD "region_code" character varying(16)`);
    await queryRunner.query(`
            CREATE TABLE "releases" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "woman_id" uuid NOT NULL,
                "prison_code" character varying(3) NOT NULL,
                "released_on" date NOT NULL,
                "recalled_on" date,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_releases" PRIMARY KEY ("id"),
                CONSTRAINT "FK_releases_woman" FOREIGN KEY ("woman_id") REFERENCES "women"("id")
            )
        `);
    await queryRunner.query(`CREATE INDEX "releases_by_prison_and_day" ON "releases" ("prison_code", "released_on")`);
    await queryRunner.query(`CREATE INDEX "releases_by_day" ON "releases" ("released_on")`);
    await queryRunner.query(`CREATE INDEX "releases_by_woman" ON "releases" ("woman_id", "released_on")`);
    // Women released before this migration keep their release in the new record.
    await queryRunner.query(`
            INSERT INTO "releases" ("woman_id", "prison_code", "released_on")
            SELECT "id", "released_from_prison_code", "released_on" FROM "women"
            WHERE "released_on" IS NOT NULL AND "released_from_prison_code" IS NOT NULL
        `);
    await queryRunner.query(`
            CREATE TABLE "accommodation_outcomes" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "release_id" uuid NOT NULL,
                "woman_id" uuid NOT NULL,
                "checkpoint" character varying(20) NOT NULL,
                "accommodation_type" character varying(24) NOT NULL,
                "recorded_by_id" uuid,
                "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_accommodation_outcomes" PRIMARY KEY ("id"),
                CONSTRAINT "accommodation_outcome_once_per_checkpoint" UNIQUE ("release_id", "checkpoint"),
                CONSTRAINT "FK_accommodation_outcomes_release" FOREIGN KEY ("release_id") REFERENCES "releases"("id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "working_calendar" (
                "day" date NOT NULL,
                "working_day_number" integer NOT NULL,
                CONSTRAINT "PK_working_calendar" PRIMARY KEY ("day")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "overdue_snapshots" (
                "taken_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "prison_code" character varying(3) NOT NULL,
                "pathway" character varying(40) NOT NULL,
                "overdue_count" integer NOT NULL,
                "at_risk_count" integer NOT NULL,
                "computed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_overdue_snapshots" PRIMARY KEY ("taken_at", "prison_code", "pathway")
            )
        `);
    // The prison a woman's work counts against: where she is, or the prison that released her.
    await queryRunner.query(`
            CREATE INDEX "women_accountable_prison" ON "women"
            ((CASE WHEN "prison_code" = 'OUT' THEN "released_from_prison_code" ELSE "prison_code" END))
        `);
    await queryRunner.query(`CREATE INDEX "alerts_by_created_at" ON "alerts" ("created_at")`);
    await queryRunner.query(
      `CREATE INDEX "referrals_by_first_sent" ON "referrals" ("first_sent_at") WHERE "first_sent_at" IS NOT NULL`,
    );
    await queryRunner.query(`CREATE INDEX "tasks_by_completed_at" ON "tasks" ("completed_at")`);
    // Release readiness: a woman's open release-critical tasks, without scanning every open task.
    await queryRunner.query(`
            CREATE INDEX "tasks_open_release_critical" ON "tasks" ("woman_id")
            WHERE release_critical AND status IN ('TODO', 'IN_PROGRESS', 'BLOCKED')
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."tasks_open_release_critical"`);
    await queryRunner.query(`DROP INDEX "public"."tasks_by_completed_at"`);
    await queryRunner.query(`DROP INDEX "public"."referrals_by_first_sent"`);
    await queryRunner.query(`DROP INDEX "public"."alerts_by_created_at"`);
    await queryRunner.query(`DROP INDEX "public"."women_accountable_prison"`);
    await queryRunner.query(`DROP TABLE "overdue_snapshots"`);
    await queryRunner.query(`DROP TABLE "working_calendar"`);
    await queryRunner.query(`DROP TABLE "accommodation_outcomes"`);
    await queryRunner.query(`DROP TABLE "releases"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "region_code"`);
    await queryRunner.query(`ALTER TABLE "prisons" DROP COLUMN "region_code"`);
  }
}
