/**
 * The horizon's read (THRESHOLD_INSTANTS_SQL: the distinct threshold instants of open tasks in the next 7 days) from
 * indexes alone (issue 15, the rebuild after Redis loss). The worker runs it at start and on every top-up. On the
 * national data set (3.2 million tasks, 1.3 million open) it took 2.46 s (EXPLAIN (ANALYZE, BUFFERS), 227,000
 * pages read, 272 ms of it JIT compilation): its escalation branch, open tasks with a ladder due by the horizon, was
 * a parallel sequential scan of the whole table (1.7 s; the GIN index on the ladder answers `&&`, not a range), and
 * its at-risk branch read 13,459 heap pages to compare each at-risk time with its due time. With these two indexes
 * both branches are index-only scans and the read takes 89-113 ms (no JIT: its cost falls below the threshold).
 *
 * - `tasks_open_at_risk_idx` (at_risk_at) now carries due_at: the same key, so the reconciler's scan of passed at-risk
 *   times and the instant sweep use it as before.
 * - `tasks_open_escalating_by_due` (due_at) INCLUDE (escalation_ats), on open tasks with a ladder: the read scans
 *   only those due by the horizon, whose ladder may have a rung within it (61,256 of the 1,178,768 the index holds on
 *   the national data set).
 *
 * The price: INCLUDE turns off B-tree deduplication, so the indexes are 39 MB and 76 MB there (the at-risk index was
 * 9 MB), and each task insert writes one more entry. Built without CONCURRENTLY, as the earlier index migrations (each
 * migration is one transaction): about 6 s on the national data set, while task writes wait.
 */
import { MigrationInterface, QueryRunner } from 'typeorm';

const OPEN = `status IN ('TODO', 'IN_PROGRESS', 'BLOCKED')`;

export class HorizonReadFromIndexes1796100001300 implements MigrationInterface {
  name = 'HorizonReadFromIndexes1796100001300';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "tasks_open_at_risk_idx"`);
    await queryRunner.query(
      `CREATE INDEX "tasks_open_at_risk_idx" ON "tasks" ("at_risk_at") INCLUDE ("due_at") WHERE ${OPEN}`,
    );
    await queryRunner.query(
      `CREATE INDEX "tasks_open_escalating_by_due" ON "tasks" ("due_at") INCLUDE ("escalation_ats")
        WHERE ${OPEN} AND cardinality("escalation_ats") > 0`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "tasks_open_escalating_by_due"`);
    await queryRunner.query(`DROP INDEX "tasks_open_at_risk_idx"`);
    await queryRunner.query(`CREATE INDEX "tasks_open_at_risk_idx" ON "tasks" ("at_risk_at") WHERE ${OPEN}`);
  }
}
