/**
 * Each task carries her release area (issue 15, target 4: a CRS caseworker's tasks to claim at national scale).
 * Her provider's scope is the women released to its areas, and the area lives on the woman, so her queue joined
 * every open CRS task to its woman before it could keep or drop it. EXPLAIN (ANALYZE, BUFFERS) on the national
 * data set (busiest provider: 6 areas, 6,726 of 55,020 open CRS tasks to claim): the page walked 1,564 tasks in due
 * order and looked each woman up (83 ms), and the total hash-joined all 55,020 to 17,098 women (103 ms, two
 * parallel workers). With the area on the task the page filters as it walks and looks up only the 200 women it
 * shows, and the total is counted from one index without the women.
 *
 * The database keeps the copy, in the same statement as the change, so no writer can forget it: a task takes her
 * area when it is inserted (or moved to another woman), and a change of her area passes to all her tasks.
 */
import { MigrationInterface, QueryRunner } from 'typeorm';

const OPEN = `('TODO', 'IN_PROGRESS', 'BLOCKED')`;

export class TasksCarryReleaseArea1796100001200 implements MigrationInterface {
  name = 'TasksCarryReleaseArea1796100001200';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "tasks" ADD COLUMN "release_area_code" varchar(40)`);
    // The copy changes nothing a prepared alert was built from, so the backfill does not mark drafts stale.
    await queryRunner.query(`ALTER TABLE "tasks" DISABLE TRIGGER tasks_stale_prepared_alerts`);
    await queryRunner.query(`
      UPDATE "tasks" t SET "release_area_code" = w."release_area_code" FROM "women" w WHERE w."id" = t."woman_id"`);
    await queryRunner.query(`ALTER TABLE "tasks" ENABLE TRIGGER tasks_stale_prepared_alerts`);
    await queryRunner.query(`ALTER TABLE "tasks" ALTER COLUMN "release_area_code" SET NOT NULL`);
    await queryRunner.query(`
      CREATE FUNCTION tasks_take_release_area() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        SELECT release_area_code INTO NEW.release_area_code FROM women WHERE id = NEW.woman_id;
        RETURN NEW;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER tasks_take_release_area BEFORE INSERT OR UPDATE OF woman_id, release_area_code ON "tasks"
        FOR EACH ROW EXECUTE FUNCTION tasks_take_release_area()`);
    await queryRunner.query(`
      CREATE FUNCTION women_pass_release_area() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE tasks SET release_area_code = NEW.release_area_code WHERE woman_id = NEW.id;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER women_pass_release_area AFTER UPDATE OF release_area_code ON "women" FOR EACH ROW
        WHEN (OLD.release_area_code IS DISTINCT FROM NEW.release_area_code)
        EXECUTE FUNCTION women_pass_release_area()`);
    // A provider's open CRS tasks by area: the total of her queue from the index alone.
    await queryRunner.query(`
      CREATE INDEX "tasks_open_crs_by_release_area" ON "tasks" ("release_area_code", "status") INCLUDE ("pathway")
        WHERE "owner_role" = 'CRS_CASEWORKER' AND "status" IN ${OPEN}`);
    // The page walks the open tasks of her role in due order (tasks_open_by_owner_role_due) and reads the area
    // from each task. Her own tasks (all statuses: 46,731 for the busiest caseworker) are counted from the
    // assignee index alone, so it holds the area too.
    await queryRunner.query(`DROP INDEX "public"."tasks_by_assignee_due"`);
    await queryRunner.query(`
      CREATE INDEX "tasks_by_assignee_due" ON "tasks" ("assignee_id", "due_at", "id")
        INCLUDE ("woman_id", "pathway", "owner_role", "release_area_code") WHERE "assignee_id" IS NOT NULL`);
    await queryRunner.query(`ANALYZE "tasks"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."tasks_open_crs_by_release_area"`);
    await queryRunner.query(`DROP INDEX "public"."tasks_by_assignee_due"`);
    await queryRunner.query(`
      CREATE INDEX "tasks_by_assignee_due" ON "tasks" ("assignee_id", "due_at", "id")
        INCLUDE ("woman_id", "pathway", "owner_role") WHERE "assignee_id" IS NOT NULL`);
    await queryRunner.query(`DROP TRIGGER women_pass_release_area ON "women"`);
    await queryRunner.query(`DROP FUNCTION women_pass_release_area()`);
    await queryRunner.query(`DROP TRIGGER tasks_take_release_area ON "tasks"`);
    await queryRunner.query(`DROP FUNCTION tasks_take_release_area()`);
    await queryRunner.query(`ALTER TABLE "tasks" DROP COLUMN "release_area_code"`);
  }
}
