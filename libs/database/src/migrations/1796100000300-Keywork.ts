/**
 * Keywork (issue 16, recommendation 7): the sessions a woman has had (day, keyworker, prison; never the content,
 * which stays in the prison's case notes) and her keywork target in weeks, when one has been set.
 */
import { MigrationInterface, QueryRunner } from 'typeorm';

export class Keywork1796100000300 implements MigrationInterface {
  name = 'Keywork1796100000300';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "keywork_sessions" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "woman_id" uuid NOT NULL,
                "prison_code" character varying(3) NOT NULL,
                "session_on" date NOT NULL,
                "keyworker_name" text NOT NULL,
                "recorded_by_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_keywork_sessions" PRIMARY KEY ("id"),
                CONSTRAINT "FK_keywork_sessions_woman" FOREIGN KEY ("woman_id") REFERENCES "women"("id") ON DELETE CASCADE
            )
        `);
    await queryRunner.query(
      `CREATE INDEX "IDX_keywork_sessions_woman_on" ON "keywork_sessions" ("woman_id", "session_on")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_keywork_sessions_prison_on" ON "keywork_sessions" ("prison_code", "session_on")`,
    );
    await queryRunner.query(`
            CREATE TABLE "keywork_targets" (
                "woman_id" uuid NOT NULL,
                "frequency_weeks" integer NOT NULL,
                "set_by_id" uuid NOT NULL,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_keywork_targets" PRIMARY KEY ("woman_id"),
                CONSTRAINT "CHK_keywork_targets_weeks" CHECK ("frequency_weeks" BETWEEN 1 AND 12),
                CONSTRAINT "FK_keywork_targets_woman" FOREIGN KEY ("woman_id") REFERENCES "women"("id") ON DELETE CASCADE
            )
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "keywork_targets"`);
    await queryRunner.query(`DROP TABLE "keywork_sessions"`);
  }
}
