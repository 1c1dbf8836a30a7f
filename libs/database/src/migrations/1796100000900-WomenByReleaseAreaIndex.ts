/**
 * A provider's women by id from the index alone (bench:national, issue 15 target 4). A CRS caseworker's task lists
 * are scoped by her provider's release areas, so their totals join every matching task to the provider's women:
 * 17,098 for the busiest. The plain release_area_code index made that a bitmap heap scan of 3,409 pages (11 ms of the
 * 53 ms her tasks' total took in EXPLAIN (ANALYZE, BUFFERS)); with the ids in the index it is an index-only scan
 * (1.5 ms) and the total 22 ms.
 */
import { MigrationInterface, QueryRunner } from 'typeorm';

export class WomenByReleaseAreaIndex1796100000900 implements MigrationInterface {
  name = 'WomenByReleaseAreaIndex1796100000900';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "women_by_release_area" ON "women" ("release_area_code") INCLUDE ("id")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."women_by_release_area"`);
  }
}
