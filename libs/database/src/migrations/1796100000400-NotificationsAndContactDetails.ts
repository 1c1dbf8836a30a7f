/**
 * GOV.UK Notify messages and the contact details they go to. A person's e-mail and mobile number and which
 * messages she wants live on users; each message requested is a `notifications` row whose dedupe key is unique
 * (one message per alert, recipient and channel; one digest per manager, day and channel), and each attempt to
 * send it is an append-only `notification_attempts` row.
 */
import { MigrationInterface, QueryRunner } from 'typeorm';

export class NotificationsAndContactDetails1796100000400 implements MigrationInterface {
  name = 'NotificationsAndContactDetails1796100000400';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE "users"
        ADD "email" text NULL,
        ADD "mobile" text NULL,
        ADD "notify_by_email" boolean NOT NULL DEFAULT true,
        ADD "notify_by_sms" boolean NOT NULL DEFAULT false,
        ADD "notify_claimed_tasks" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`
      CREATE TABLE "notifications" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "recipient_user_id" uuid NOT NULL REFERENCES "users"("id"),
        "channel" varchar(5) NOT NULL CHECK ("channel" IN ('email', 'sms')),
        "template_key" varchar(32) NOT NULL,
        "template_id" text NULL,
        "dedupe_key" text NOT NULL,
        "reference" text NOT NULL,
        "personalisation" jsonb NOT NULL,
        "alert_id" uuid NULL,
        "status" varchar(8) NOT NULL DEFAULT 'pending'
          CHECK ("status" IN ('pending', 'sending', 'sent', 'failed', 'logged')),
        "notify_id" text NULL,
        "attempts" integer NOT NULL DEFAULT 0,
        "last_error" text NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        "sent_at" timestamptz NULL,
        CONSTRAINT "PK_notifications" PRIMARY KEY ("id"),
        CONSTRAINT "notifications_once_per_dedupe_key" UNIQUE ("dedupe_key")
      )`);
    await queryRunner.query(
      `CREATE INDEX "notifications_unfinished" ON "notifications" ("created_at") WHERE "status" IN ('pending', 'sending')`,
    );
    await queryRunner.query(
      `CREATE INDEX "notifications_recipient" ON "notifications" ("recipient_user_id", "created_at")`,
    );
    await queryRunner.query(`
      CREATE TABLE "notification_attempts" (
        "id" bigserial PRIMARY KEY,
        "notification_id" uuid NOT NULL REFERENCES "notifications"("id"),
        "attempt" integer NOT NULL,
        "outcome" varchar(16) NOT NULL,
        "http_status" integer NULL,
        "error" text NULL,
        "notify_id" text NULL,
        "at" timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE INDEX "notification_attempts_of" ON "notification_attempts" ("notification_id", "id")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "notification_attempts"`);
    await queryRunner.query(`DROP TABLE "notifications"`);
    await queryRunner.query(`
      ALTER TABLE "users"
        DROP COLUMN "notify_claimed_tasks", DROP COLUMN "notify_by_sms", DROP COLUMN "notify_by_email",
        DROP COLUMN "mobile", DROP COLUMN "email"`);
  }
}
