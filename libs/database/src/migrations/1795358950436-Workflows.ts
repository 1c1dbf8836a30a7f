import { MigrationInterface, QueryRunner } from 'typeorm';

export class Workflows1795358950436 implements MigrationInterface {
  name = 'Workflows1795358950436';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "bank_account_applications" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "woman_id" uuid NOT NULL,
                "bank_name" text NOT NULL,
                "status" character varying(24) NOT NULL,
                "applied_on" date NOT NULL,
                "notes" text,
                "created_by_id" uuid NOT NULL,
                "version" integer NOT NULL DEFAULT '1',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_267326d583146cd6c03f215b159" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_590786e80d7750ce0e9f551be1" ON "bank_account_applications" ("woman_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "bank_account_status_changes" (
                "id" BIGSERIAL NOT NULL,
                "application_id" uuid NOT NULL,
                "from_status" character varying(24),
                "to_status" character varying(24) NOT NULL,
                "reason" text,
                "actor_id" uuid,
                "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_7af54d23614383429a68863a37c" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_d299a2ee1523265e82a1a6f192" ON "bank_account_status_changes" ("application_id", "id")
        `);
    await queryRunner.query(`
            CREATE TABLE "hmpps_domain_events" (
                "event_id" character varying(128) NOT NULL,
                "event_type" character varying(80) NOT NULL,
                "prison_number" character varying(7),
                "occurred_at" TIMESTAMP WITH TIME ZONE,
                "outcome" character varying(16) NOT NULL,
                "detail" text NOT NULL,
                "payload" jsonb NOT NULL,
                "received_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_420fb78b7b29ee390bb071f9911" PRIMARY KEY ("event_id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "id_document_applications" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "woman_id" uuid NOT NULL,
                "document_type" character varying(40) NOT NULL,
                "status" character varying(12) NOT NULL,
                "applied_on" date NOT NULL,
                "cost_pence" integer NOT NULL,
                "expected_by" date NOT NULL,
                "received_on" date,
                "rejection_reason" text,
                "refund_pence" integer,
                "notes" text,
                "created_by_id" uuid NOT NULL,
                "version" integer NOT NULL DEFAULT '1',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_03b814899775647d57fed82b780" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_6899d2e2d3c089700bf6d08935" ON "id_document_applications" ("woman_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "referrals" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "reference" character varying(14) NOT NULL,
                "woman_id" uuid NOT NULL,
                "provider_id" uuid NOT NULL,
                "release_area_code" character varying(40) NOT NULL,
                "status" character varying(24) NOT NULL,
                "pathways" jsonb NOT NULL,
                "risk_information" jsonb,
                "additional_information" text,
                "created_by_id" uuid NOT NULL,
                "referrer_id" uuid,
                "referrer_role" character varying(20),
                "need_identified_at" TIMESTAMP WITH TIME ZONE,
                "first_sent_at" TIMESTAMP WITH TIME ZONE,
                "sent_at" TIMESTAMP WITH TIME ZONE,
                "caseworker_id" uuid,
                "assigned_at" TIMESTAMP WITH TIME ZONE,
                "assessment_booked_at" TIMESTAMP WITH TIME ZONE,
                "assessment_at" TIMESTAMP WITH TIME ZONE,
                "action_plan" text,
                "action_plan_submitted_at" TIMESTAMP WITH TIME ZONE,
                "action_plan_approved_at" TIMESTAMP WITH TIME ZONE,
                "action_plan_approved_by_id" uuid,
                "delivery_started_at" TIMESTAMP WITH TIME ZONE,
                "ended_at" TIMESTAMP WITH TIME ZONE,
                "end_of_service_report" jsonb,
                "withdrawn_reason" text,
                "returned_reason" text,
                "times_returned" integer NOT NULL DEFAULT '0',
                "version" integer NOT NULL DEFAULT '1',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_ea9980e34f738b6252817326c08" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_ecdee33a28f5ff1448ef7a7e58" ON "referrals" ("reference")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_aa5e11e42b612d5c06bf40cddf" ON "referrals" ("woman_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_4d7a120ffc17cd827c231a5275" ON "referrals" ("caseworker_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_49aa79ac70ec5a71403deccd60" ON "referrals" ("provider_id", "status")
        `);
    await queryRunner.query(`
            CREATE TABLE "referral_status_changes" (
                "id" BIGSERIAL NOT NULL,
                "referral_id" uuid NOT NULL,
                "from_status" character varying(24),
                "to_status" character varying(24) NOT NULL,
                "reason" text,
                "actor_id" uuid,
                "actor_role" character varying(20),
                "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_8f1a210fb573dc0434c87efd7b8" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_9b5c042197877da297544039ab" ON "referral_status_changes" ("referral_id", "id")
        `);
    await queryRunner.query(`
            CREATE TABLE "release_day_appointments" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "woman_id" uuid NOT NULL,
                "kind" character varying(32) NOT NULL,
                "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "duration_minutes" integer NOT NULL,
                "place" text NOT NULL,
                "town" text NOT NULL,
                "notes" text,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_a3522511fd23775a9357386f0cf" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_b2008fb4054abd3e999666588c" ON "release_day_appointments" ("woman_id", "starts_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "release_day_plans" (
                "woman_id" uuid NOT NULL,
                "checklist" jsonb NOT NULL,
                "notes" text,
                "updated_by_id" uuid,
                "version" integer NOT NULL DEFAULT '1',
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_6136e71238e966c7e44f487bb36" PRIMARY KEY ("woman_id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "travel_times" (
                "from_town" text NOT NULL,
                "to_town" text NOT NULL,
                "minutes" integer NOT NULL,
                CONSTRAINT "PK_da4ab280a3ab8535ef58cfb0fba" PRIMARY KEY ("from_town", "to_town")
            )
        `);
    await queryRunner.query(`
            ALTER TABLE "women"
            ADD "has_national_insurance_number" boolean
        `);
    await queryRunner.query(`
            ALTER TABLE "women"
            ADD "banking_barrier" text
        `);
    await queryRunner.query(`
            ALTER TABLE "women"
            ADD "released_on" date
        `);
    await queryRunner.query(`
            ALTER TABLE "women"
            ADD "released_from_prison_code" character varying(3)
        `);
    await queryRunner.query(`
            ALTER TABLE "women"
            ADD "recall_count" integer NOT NULL DEFAULT '0'
        `);
    await queryRunner.query(`
            ALTER TABLE "tasks"
            ADD "subject_type" character varying(20)
        `);
    await queryRunner.query(`
            ALTER TABLE "tasks"
            ADD "subject_id" uuid
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_a1c5faec102167f4b27e3ca1bf" ON "tasks" ("subject_id")
        `);
    // One active bank account application per woman; one active application per woman and document type.
    await queryRunner.query(`
            CREATE UNIQUE INDEX "bank_account_one_active_per_woman" ON "bank_account_applications" ("woman_id")
            WHERE "status" NOT IN ('ACCOUNT_OPENED', 'ACCOUNT_DECLINED', 'RETURNED_INELIGIBLE')
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "id_document_one_active_per_type" ON "id_document_applications" ("woman_id", "document_type")
            WHERE "status" = 'APPLIED'
        `);
    for (const table of [
      'referrals',
      'bank_account_applications',
      'id_document_applications',
      'release_day_plans',
      'release_day_appointments',
    ]) {
      await queryRunner.query(
        `ALTER TABLE "${table}" ADD CONSTRAINT "${table}_woman_fk" FOREIGN KEY ("woman_id") REFERENCES "women"("id") ON DELETE CASCADE`,
      );
    }
    await queryRunner.query(
      `ALTER TABLE "referrals" ADD CONSTRAINT "referrals_provider_fk" FOREIGN KEY ("provider_id") REFERENCES "providers"("id")`,
    );
    await queryRunner.query(`
            CREATE INDEX "referrals_open_by_provider_idx" ON "referrals" ("provider_id", "sent_at")
            WHERE "status" NOT IN ('DRAFT', 'ENDED', 'WITHDRAWN')
        `);
    // The COM refers within two working days of the need being identified, and her manager hears at once
    // when she is late. Entries an administrator has already changed are left as they are.
    await queryRunner.query(`
            UPDATE "task_catalogue"
            SET "deadline_anchor" = 'NEED_IDENTIFIED', "deadline_offset" = 2, "deadline_unit" = 'WORKING_DAYS',
                "at_risk_lead_working_days" = 1, "version" = "version" + 1
            WHERE ("key" = 'CRS_ACCOMMODATION_REFERRAL' AND "deadline_anchor" = 'RELEASE' AND "deadline_offset" = -84)
               OR ("key" = 'CRS_PERSONAL_WELLBEING_REFERRAL' AND "deadline_anchor" = 'RELEASE' AND "deadline_offset" = -56)
        `);
    await queryRunner.query(`
            UPDATE "task_catalogue"
            SET "escalation_ladder" = '[{"afterWorkingDays":0,"to":"TEAM_MANAGER"}]', "version" = "version" + 1
            WHERE "key" IN ('CRS_ACCOMMODATION_REFERRAL', 'CRS_PERSONAL_WELLBEING_REFERRAL', 'CRS_DOMESTIC_ABUSE_REFERRAL', 'CRS_SEX_WORK_REFERRAL')
              AND "escalation_ladder" = '[{"afterWorkingDays":2,"to":"TEAM_MANAGER"},{"afterWorkingDays":5,"to":"GOVERNOR"}]'::jsonb
        `);
    await queryRunner.query(`
            UPDATE "task_catalogue"
            SET "eligibility" = "eligibility" || '{"requiresNoBankingBarrier": true}'::jsonb, "version" = "version" + 1
            WHERE "key" = 'BANK_ACCOUNT'
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            UPDATE "task_catalogue" SET "eligibility" = "eligibility" - 'requiresNoBankingBarrier' WHERE "key" = 'BANK_ACCOUNT'
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_a1c5faec102167f4b27e3ca1bf"
        `);
    await queryRunner.query(`
            ALTER TABLE "tasks" DROP COLUMN "subject_id"
        `);
    await queryRunner.query(`
            ALTER TABLE "tasks" DROP COLUMN "subject_type"
        `);
    await queryRunner.query(`
            ALTER TABLE "women" DROP COLUMN "recall_count"
        `);
    await queryRunner.query(`
            ALTER TABLE "women" DROP COLUMN "released_from_prison_code"
        `);
    await queryRunner.query(`
            ALTER TABLE "women" DROP COLUMN "released_on"
        `);
    await queryRunner.query(`
            ALTER TABLE "women" DROP COLUMN "banking_barrier"
        `);
    await queryRunner.query(`
            ALTER TABLE "women" DROP COLUMN "has_national_insurance_number"
        `);
    await queryRunner.query(`
            DROP TABLE "travel_times"
        `);
    await queryRunner.query(`
            DROP TABLE "release_day_plans"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_b2008fb4054abd3e999666588c"
        `);
    await queryRunner.query(`
            DROP TABLE "release_day_appointments"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_9b5c042197877da297544039ab"
        `);
    await queryRunner.query(`
            DROP TABLE "referral_status_changes"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_49aa79ac70ec5a71403deccd60"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_4d7a120ffc17cd827c231a5275"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_aa5e11e42b612d5c06bf40cddf"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_ecdee33a28f5ff1448ef7a7e58"
        `);
    await queryRunner.query(`
            DROP TABLE "referrals"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_6899d2e2d3c089700bf6d08935"
        `);
    await queryRunner.query(`
            DROP TABLE "id_document_applications"
        `);
    await queryRunner.query(`
            DROP TABLE "hmpps_domain_events"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_d299a2ee1523265e82a1a6f192"
        `);
    await queryRunner.query(`
            DROP TABLE "bank_account_status_changes"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_590786e80d7750ce0e9f551be1"
        `);
    await queryRunner.query(`
            DROP TABLE "bank_account_applications"
        `);
  }
}
