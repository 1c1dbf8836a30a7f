/**
 * The horizon's read skips from one distinct instant to the next (THRESHOLD_INSTANTS_SQL, issue 15: the rebuild
 * after Redis loss). Its ladder branch walks the distinct (due time, ladder) pairs of open tasks with a ladder, one
 * index descent each, which needs the ladder in the index's key: `tasks_open_escalating_by_due` held it only as an
 * INCLUDE column, so each step sorted every task of its due time (EXPLAIN (ANALYZE, BUFFERS) on the national data
 * set: 175 steps, 45 ms, of a read of 51 ms). `tasks_open_ladders_by_due` (due_at, escalation_ats) replaces it: the
 * same tasks and columns, so scans by due time (the old read's) are served as before, and the read takes 4.7-6.5 ms
 * there against 61-64 ms for the read that counted every task (psql, warm, three runs each).
 *
 * Size: 76 MB on the national data set, as the index it replaces (arrays in a key, like INCLUDE columns, leave
 * B-tree deduplication off). Built without CONCURRENTLY, as the earlier index migrations (each migration is one
 * transaction): 3.3 s on the national data set, while task writes wait.
 */
import { MigrationInterface, QueryRunner } from 'typeorm';

const OPEN = `status IN ('TODO', 'IN_PROGRESS', 'BLOCKED')`;

export class HorizonReadSkipsToEachInstant1796100001400 implements MigrationInterface {
  name = 'HorizonReadSkipsToEachInstant1796100001400';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "tasks_open_ladders_by_due" ON "tasks" ("due_at", "escalation_ats")
        WHERE ${OPEN} AND cardinality("escalation_ats") > 0`,
    );
    await queryRunner.query(`DROP INDEX "tasks_open_escalating_by_due"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "tasks_open_escalating_by_due" ON "tasks" ("due_at") INCLUDE ("escalation_ats")
        WHERE ${OPEN} AND cardinality("escalation_ats") > 0`,
    );
    await queryRunner.query(`DROP INDEX "tasks_open_ladders_by_due"`);
  }
}
