/**
 * The deadline engine keeps one job per threshold instant, not one per task threshold (issue 15): at an instant
 * the worker finds every open task with a threshold exactly then. Due and at-risk times already have partial
 * indexes on open tasks; this adds one for the escalation ladder, a GIN index so `escalation_ats @> ARRAY[at]`
 * finds the tasks whose ladder has a rung at that instant.
 */
import { MigrationInterface, QueryRunner } from 'typeorm';

export class ThresholdInstants1796000000010 implements MigrationInterface {
  name = 'ThresholdInstants1796000000010';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE INDEX "tasks_open_escalation_ats_idx" ON "tasks" USING gin ("escalation_ats")
            WHERE status IN ('TODO', 'IN_PROGRESS', 'BLOCKED')
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "tasks_open_escalation_ats_idx"`);
  }
}
