/** The deadline engine and live board: alerts, the transactional outbox, escalation ladders, teams. */
import { MigrationInterface, QueryRunner } from 'typeorm';

export class DeadlineEngineAndOutbox1795352674218 implements MigrationInterface {
  name = 'DeadlineEngineAndOutbox1795352674218';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "alerts" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "task_id" uuid NOT NULL,
                "woman_id" uuid NOT NULL,
                "kind" character varying(12) NOT NULL,
                "level" integer NOT NULL,
                "deadline_revision" integer NOT NULL,
                "threshold_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "recipients" jsonb NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "acknowledged_by_id" uuid,
                "acknowledged_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "alerts_once_per_threshold" UNIQUE ("task_id", "kind", "level", "deadline_revision"),
                CONSTRAINT "PK_60f895662df096bfcdfab7f4b96" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_f9edf5ea0728acae00c7d3ddcb" ON "alerts" ("woman_id", "created_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "outbox_events" (
                "id" BIGSERIAL NOT NULL,
                "type" character varying(48) NOT NULL,
                "woman_id" uuid,
                "rooms" text array NOT NULL,
                "payload" jsonb NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_6689a16c00d09b8089f6237f1d2" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "outbox_events_rooms_idx" ON "outbox_events" USING gin ("rooms")
        `);
    await queryRunner.query(`
            ALTER TABLE "users"
            ADD "team_key" text
        `);
    await queryRunner.query(`
            ALTER TABLE "users"
            ADD "is_manager" boolean NOT NULL DEFAULT false
        `);
    await queryRunner.query(`
            ALTER TABLE "task_catalogue"
            ADD "escalation_ladder" jsonb NOT NULL DEFAULT '[{"afterWorkingDays":2,"to":"TEAM_MANAGER"},{"afterWorkingDays":5,"to":"GOVERNOR"}]'
        `);
    await queryRunner.query(`
            ALTER TABLE "tasks"
            ADD "escalation_ats" TIMESTAMP WITH TIME ZONE array NOT NULL DEFAULT '{}'
        `);
    // Where the relay has published up to: it resumes there after a restart, so nothing is skipped.
    await queryRunner.query(`
      CREATE TABLE "outbox_relay_cursor" (
        "id" integer PRIMARY KEY CHECK ("id" = 1),
        "last_id" bigint NOT NULL,
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()
      )
    `);
    await queryRunner.query(`INSERT INTO "outbox_relay_cursor" ("id", "last_id") VALUES (1, 0)`);
    // The reconciler looks for open tasks whose at-risk time has passed.
    await queryRunner.query(`
      CREATE INDEX "tasks_open_at_risk_idx" ON "tasks" ("at_risk_at")
      WHERE status IN ('TODO', 'IN_PROGRESS', 'BLOCKED')
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "tasks_open_at_risk_idx"`);
    await queryRunner.query(`DROP TABLE "outbox_relay_cursor"`);
    await queryRunner.query(`
            ALTER TABLE "tasks" DROP COLUMN "escalation_ats"
        `);
    await queryRunner.query(`
            ALTER TABLE "task_catalogue" DROP COLUMN "escalation_ladder"
        `);
    await queryRunner.query(`
            ALTER TABLE "users" DROP COLUMN "is_manager"
        `);
    await queryRunner.query(`
            ALTER TABLE "users" DROP COLUMN "team_key"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."outbox_events_rooms_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "outbox_events"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_f9edf5ea0728acae00c7d3ddcb"
        `);
    await queryRunner.query(`
            DROP TABLE "alerts"
        `);
  }
}
