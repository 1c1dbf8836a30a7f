/**
 * CRS delivery sessions (issue 16, point 1): one row per session booked under a referral, numbered within it, with
 * its time, method and place, and the attendance and feedback recorded after it.
 */
import { MigrationInterface, QueryRunner } from 'typeorm';

export class DeliverySessions1796100000100 implements MigrationInterface {
  name = 'DeliverySessions1796100000100';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "delivery_sessions" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "referral_id" uuid NOT NULL,
        "number" integer NOT NULL,
        "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "duration_minutes" integer NOT NULL,
        "method" character varying(40) NOT NULL,
        "place" text,
        "attendance" character varying(8),
        "attendance_reason" text,
        "session_summary" text,
        "session_response" text,
        "concern_raised" boolean NOT NULL DEFAULT false,
        "concern_details" text,
        "booked_by_id" uuid NOT NULL,
        "attendance_recorded_by_id" uuid,
        "attendance_recorded_at" TIMESTAMP WITH TIME ZONE,
        "follow_up_task_id" uuid,
        "version" integer NOT NULL DEFAULT 1,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_delivery_sessions" PRIMARY KEY ("id"),
        CONSTRAINT "FK_delivery_sessions_referral" FOREIGN KEY ("referral_id") REFERENCES "referrals"("id") ON DELETE CASCADE,
        CONSTRAINT "CHK_delivery_sessions_attendance" CHECK ("attendance" IS NULL OR "attendance" IN ('YES', 'LATE', 'NO')),
        CONSTRAINT "CHK_delivery_sessions_missed_reason" CHECK ("attendance" IS DISTINCT FROM 'NO' OR "attendance_reason" IS NOT NULL),
        CONSTRAINT "CHK_delivery_sessions_concern" CHECK (NOT "concern_raised" OR "concern_details" IS NOT NULL)
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "delivery_sessions_referral_number" ON "delivery_sessions" ("referral_id", "number")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "delivery_sessions"`);
  }
}
