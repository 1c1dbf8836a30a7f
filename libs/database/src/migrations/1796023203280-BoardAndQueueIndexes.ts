/**
 * Indexes for the board and the queue at national scale (issue 15, target 4; bench:national), each found by
 * EXPLAIN (ANALYZE, BUFFERS) on the national data set (3.2 million tasks):
 * - tasks_open_by_woman: the board's task counts read a page of women's open tasks from the index alone. Without
 *   it the planner intersected the (woman_id, pathway) index with every open task's at-risk entry (1.3 million
 *   index entries, 137 ms for one prison's 24 weeks; 1.8 ms with it).
 * - tasks_open_stage_by_subject: a referral's open stage task, soonest first (the queue's "stage due" per referral),
 *   from the index alone instead of a heap visit to each of the referral's tasks.
 * - tasks_open_by_owner_role_due: a role's open tasks in due order (a CRS caseworker's tasks to claim): the list
 *   walks the index and stops at its page instead of reading every task of every woman the provider serves.
 * - tasks_by_assignee_due: someone's tasks in due order ("my tasks"), and counted from the index alone.
 */
import { MigrationInterface, QueryRunner } from 'typeorm';

const OPEN = `status IN ('TODO', 'IN_PROGRESS', 'BLOCKED')`;

export class BoardAndQueueIndexes1796023203280 implements MigrationInterface {
  name = 'BoardAndQueueIndexes1796023203280';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "tasks_open_by_woman" ON "tasks" ("woman_id") INCLUDE ("pathway", "owner_role", "at_risk_at", "due_at")
       WHERE ${OPEN}`,
    );
    await queryRunner.query(
      `CREATE INDEX "tasks_open_stage_by_subject" ON "tasks" ("subject_id", "due_at")
       WHERE "subject_id" IS NOT NULL AND ${OPEN}`,
    );
    await queryRunner.query(
      `CREATE INDEX "tasks_open_by_owner_role_due" ON "tasks" ("owner_role", "status", "due_at", "id")
       INCLUDE ("woman_id", "pathway") WHERE ${OPEN}`,
    );
    await queryRunner.query(
      `CREATE INDEX "tasks_by_assignee_due" ON "tasks" ("assignee_id", "due_at", "id")
       INCLUDE ("woman_id", "pathway", "owner_role") WHERE "assignee_id" IS NOT NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."tasks_by_assignee_due"`);
    await queryRunner.query(`DROP INDEX "public"."tasks_open_by_owner_role_due"`);
    await queryRunner.query(`DROP INDEX "public"."tasks_open_stage_by_subject"`);
    await queryRunner.query(`DROP INDEX "public"."tasks_open_by_woman"`);
  }
}
