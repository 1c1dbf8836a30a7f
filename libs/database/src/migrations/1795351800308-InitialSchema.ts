/** The first schema: reference data tables, women, pathways, assessments, catalogue, tasks, audit trail. */
import { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialSchema1795351800308 implements MigrationInterface {
  name = 'InitialSchema1795351800308';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "providers" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "name" text NOT NULL,
                "contract_suffix" character varying(8) NOT NULL,
                "allows_direct_referral" boolean NOT NULL DEFAULT false,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "UQ_d735474e539e674ba3702eddc44" UNIQUE ("name"),
                CONSTRAINT "PK_af13fc2ebf382fe0dad2e4793aa" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "release_areas" (
                "code" character varying(40) NOT NULL,
                "name" text NOT NULL,
                "country" character varying(10) NOT NULL,
                "provider_id" uuid,
                CONSTRAINT "PK_03092007950eed763a77d748475" PRIMARY KEY ("code")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "users" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "username" text NOT NULL,
                "display_name" text NOT NULL,
                "password_hash" text NOT NULL,
                "role" character varying(20) NOT NULL,
                "prison_codes" text array NOT NULL DEFAULT '{}',
                "provider_id" uuid,
                "active" boolean NOT NULL DEFAULT true,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_fe0bb3f6520ee0469504521e71" ON "users" ("username")
        `);
    await queryRunner.query(`
            CREATE TABLE "women" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "prison_number" character varying(7) NOT NULL,
                "first_name" text NOT NULL,
                "last_name" text NOT NULL,
                "date_of_birth" date NOT NULL,
                "prison_code" character varying(3) NOT NULL,
                "custody_status" character varying(12) NOT NULL,
                "sentence_start_date" date,
                "reception_date" date NOT NULL,
                "conditional_release_date" date,
                "automatic_release_date" date,
                "parole_eligibility_date" date,
                "hdc_eligibility_date" date,
                "hdc_actual_date" date,
                "actual_parole_date" date,
                "confirmed_release_date" date,
                "release_date" date,
                "release_date_source" character varying(16),
                "release_type" character varying(32),
                "release_area_code" character varying(40) NOT NULL,
                "pom_id" uuid,
                "com_id" uuid,
                "keyworker_name" text,
                "complexity" character varying(6) NOT NULL,
                "sensitive_flags" text array NOT NULL DEFAULT '{}',
                "version" integer NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_6196be4c8434e5a1a4393a74420" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_9e565b23b9864327cae499d1fc" ON "women" ("prison_number")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_423ca0ed7ed2ff57115b531562" ON "women" ("release_area_code")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_ade87ec8538498357f66241f2a" ON "women" ("com_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_aa7ebb231ae0866ca56e54075c" ON "women" ("prison_code", "release_date")
        `);
    await queryRunner.query(`
            CREATE TABLE "assessments" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "woman_id" uuid NOT NULL,
                "kind" character varying(20) NOT NULL,
                "method" character varying(12) NOT NULL,
                "assessed_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "assessed_by_id" uuid NOT NULL,
                "outcomes" jsonb NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_a3442bd80a00e9111cefca57f6c" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_ffd333b613f1199c8f53ff6f8a" ON "assessments" ("woman_id", "assessed_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "audit_events" (
                "id" BIGSERIAL NOT NULL,
                "woman_id" uuid,
                "entity_type" character varying(24) NOT NULL,
                "entity_id" text NOT NULL,
                "action" character varying(32) NOT NULL,
                "actor_id" uuid,
                "actor_role" character varying(20),
                "before" jsonb,
                "after" jsonb,
                "request_id" text,
                "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_910f64d901a5c3e9878f0d4a407" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_f0927a650a6b8006ac1a5ec1c8" ON "audit_events" ("woman_id", "id")
        `);
    await queryRunner.query(`
            CREATE TABLE "pathway_statuses" (
                "woman_id" uuid NOT NULL,
                "pathway" character varying(40) NOT NULL,
                "status" character varying(24) NOT NULL,
                "need_identified_at" TIMESTAMP WITH TIME ZONE,
                "updated_by_id" uuid,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_93cda3275939f82f3fd7191cb62" PRIMARY KEY ("woman_id", "pathway")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "prisons" (
                "code" character varying(3) NOT NULL,
                "name" text NOT NULL,
                CONSTRAINT "PK_aa1691a56ee3fa610a73a356de6" PRIMARY KEY ("code")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "task_catalogue" (
                "key" character varying(64) NOT NULL,
                "pathway" character varying(40) NOT NULL,
                "title" text NOT NULL,
                "description" text NOT NULL,
                "owner_role" character varying(20) NOT NULL,
                "deadline_anchor" character varying(16) NOT NULL,
                "deadline_offset" integer NOT NULL,
                "deadline_unit" character varying(16) NOT NULL,
                "at_risk_lead_working_days" integer NOT NULL,
                "release_critical" boolean NOT NULL,
                "eligibility" jsonb NOT NULL DEFAULT '{}',
                "ineligible_alternative" jsonb,
                "active" boolean NOT NULL DEFAULT true,
                "version" integer NOT NULL,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_2214f808505e53410fb3d9c6177" PRIMARY KEY ("key")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "tasks" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "woman_id" uuid NOT NULL,
                "pathway" character varying(40) NOT NULL,
                "template_key" character varying(80) NOT NULL,
                "title" text NOT NULL,
                "description" text NOT NULL,
                "owner_role" character varying(20) NOT NULL,
                "assignee_id" uuid,
                "claimed_by_provider_id" uuid,
                "claimed_at" TIMESTAMP WITH TIME ZONE,
                "status" character varying(12) NOT NULL,
                "blocked_reason" text,
                "release_critical" boolean NOT NULL DEFAULT false,
                "ineligible_reasons" text array NOT NULL DEFAULT '{}',
                "due_date" date,
                "due_at" TIMESTAMP WITH TIME ZONE,
                "at_risk_at" TIMESTAMP WITH TIME ZONE,
                "deadline_revision" integer NOT NULL DEFAULT '0',
                "version" integer NOT NULL DEFAULT '1',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "completed_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_8d12ff38fcc62aaba2cab748772" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_855d484825b715c545349212c7" ON "tasks" ("assignee_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "tasks_open_due_idx" ON "tasks" ("due_at")
            WHERE status IN ('TODO', 'IN_PROGRESS', 'BLOCKED')
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_5786629bcbe501d4b48d9d754a" ON "tasks" ("woman_id", "pathway")
        `);
    await queryRunner.query(`
            CREATE TABLE "task_notes" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "task_id" uuid NOT NULL,
                "author_id" uuid NOT NULL,
                "body" text NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_85e3e7dfff9c342d8381ebd0699" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_f9aa81be1c570fa1e5971342df" ON "task_notes" ("task_id", "created_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "task_status_changes" (
                "id" BIGSERIAL NOT NULL,
                "task_id" uuid NOT NULL,
                "from_status" character varying(12),
                "to_status" character varying(12) NOT NULL,
                "reason" text,
                "actor_id" uuid,
                "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_a7aa964dc16c0bf225984f06bdd" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_4d11b6b267f707871e214fcea2" ON "task_status_changes" ("task_id", "id")
        `);
    await queryRunner.query(`
            ALTER TABLE "release_areas"
            ADD CONSTRAINT "FK_fc4a2c7e0205b8d005f76af011f" FOREIGN KEY ("provider_id") REFERENCES "providers"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "users"
            ADD CONSTRAINT "FK_6425135effde2ab8322f8464932" FOREIGN KEY ("provider_id") REFERENCES "providers"("id") ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "women"
            ADD CONSTRAINT "FK_423ca0ed7ed2ff57115b5315624" FOREIGN KEY ("release_area_code") REFERENCES "release_areas"("code") ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "women"
            ADD CONSTRAINT "FK_a019a9286d48a153dcb9e96d581" FOREIGN KEY ("pom_id") REFERENCES "users"("id") ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "women"
            ADD CONSTRAINT "FK_ade87ec8538498357f66241f2a1" FOREIGN KEY ("com_id") REFERENCES "users"("id") ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "assessments"
            ADD CONSTRAINT "FK_665bed3bb26f192c541c52bdd09" FOREIGN KEY ("woman_id") REFERENCES "women"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "pathway_statuses"
            ADD CONSTRAINT "FK_c79f6fe56d156ce52bf5b1b7d5b" FOREIGN KEY ("woman_id") REFERENCES "women"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "tasks"
            ADD CONSTRAINT "FK_d31fce931877604bae452b42635" FOREIGN KEY ("woman_id") REFERENCES "women"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "tasks"
            ADD CONSTRAINT "FK_855d484825b715c545349212c7f" FOREIGN KEY ("assignee_id") REFERENCES "users"("id") ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "tasks"
            ADD CONSTRAINT "FK_9ae1693707716624a036402e9cc" FOREIGN KEY ("claimed_by_provider_id") REFERENCES "providers"("id") ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "task_notes"
            ADD CONSTRAINT "FK_64b5fe204db538868df564df695" FOREIGN KEY ("task_id") REFERENCES "tasks"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "task_notes"
            ADD CONSTRAINT "FK_ff73f09e11dbf0f148e34cfe45b" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
    // The audit trail is append-only: the database itself refuses to rewrite history.
    await queryRunner.query(`
            CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'audit_events is append-only: % refused', TG_OP;
            END;
            $$
        `);
    await queryRunner.query(`
            CREATE TRIGGER audit_events_no_update_or_delete
            BEFORE UPDATE OR DELETE ON "audit_events"
            FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()
        `);
    await queryRunner.query(`
            CREATE TRIGGER audit_events_no_truncate
            BEFORE TRUNCATE ON "audit_events"
            FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only()
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER audit_events_no_truncate ON "audit_events"`);
    await queryRunner.query(`DROP TRIGGER audit_events_no_update_or_delete ON "audit_events"`);
    await queryRunner.query(`DROP FUNCTION audit_events_append_only()`);
    await queryRunner.query(`
            ALTER TABLE "task_notes" DROP CONSTRAINT "FK_ff73f09e11dbf0f148e34cfe45b"
        `);
    await queryRunner.query(`
            ALTER TABLE "task_notes" DROP CONSTRAINT "FK_64b5fe204db538868df564df695"
        `);
    await queryRunner.query(`
            ALTER TABLE "tasks" DROP CONSTRAINT "FK_9ae1693707716624a036402e9cc"
        `);
    await queryRunner.query(`
            ALTER TABLE "tasks" DROP CONSTRAINT "FK_855d484825b715c545349212c7f"
        `);
    await queryRunner.query(`
            ALTER TABLE "tasks" DROP CONSTRAINT "FK_d31fce931877604bae452b42635"
        `);
    await queryRunner.query(`
            ALTER TABLE "pathway_statuses" DROP CONSTRAINT "FK_c79f6fe56d156ce52bf5b1b7d5b"
        `);
    await queryRunner.query(`
            ALTER TABLE "assessments" DROP CONSTRAINT "FK_665bed3bb26f192c541c52bdd09"
        `);
    await queryRunner.query(`
            ALTER TABLE "women" DROP CONSTRAINT "FK_ade87ec8538498357f66241f2a1"
        `);
    await queryRunner.query(`
            ALTER TABLE "women" DROP CONSTRAINT "FK_a019a9286d48a153dcb9e96d581"
        `);
    await queryRunner.query(`
            ALTER TABLE "women" DROP CONSTRAINT "FK_423ca0ed7ed2ff57115b5315624"
        `);
    await queryRunner.query(`
            ALTER TABLE "users" DROP CONSTRAINT "FK_6425135effde2ab8322f8464932"
        `);
    await queryRunner.query(`
            ALTER TABLE "release_areas" DROP CONSTRAINT "FK_fc4a2c7e0205b8d005f76af011f"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_4d11b6b267f707871e214fcea2"
        `);
    await queryRunner.query(`
            DROP TABLE "task_status_changes"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_f9aa81be1c570fa1e5971342df"
        `);
    await queryRunner.query(`
            DROP TABLE "task_notes"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_5786629bcbe501d4b48d9d754a"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."tasks_open_due_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_855d484825b715c545349212c7"
        `);
    await queryRunner.query(`
            DROP TABLE "tasks"
        `);
    await queryRunner.query(`
            DROP TABLE "task_catalogue"
        `);
    await queryRunner.query(`
            DROP TABLE "prisons"
        `);
    await queryRunner.query(`
            DROP TABLE "pathway_statuses"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_f0927a650a6b8006ac1a5ec1c8"
        `);
    await queryRunner.query(`
            DROP TABLE "audit_events"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_ffd333b613f1199c8f53ff6f8a"
        `);
    await queryRunner.query(`
            DROP TABLE "assessments"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_aa7ebb231ae0866ca56e54075c"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_ade87ec8538498357f66241f2a"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_423ca0ed7ed2ff57115b531562"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_9e565b23b9864327cae499d1fc"
        `);
    await queryRunner.query(`
            DROP TABLE "women"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_fe0bb3f6520ee0469504521e71"
        `);
    await queryRunner.query(`
            DROP TABLE "users"
        `);
    await queryRunner.query(`
            DROP TABLE "release_areas"
        `);
    await queryRunner.query(`
            DROP TABLE "providers"
        `);
  }
}
