/**
 * Phone numbers her printed release plan gives her: her probation office's (one per release area, the probation
 * delivery unit she reports to) and each CRS provider's public line. Both optional: the plan says her probation
 * officer will give her the number when none is held, and never prints a number it does not have.
 */
import { MigrationInterface, QueryRunner } from 'typeorm';

export class ReleasePlanContacts1796100000600 implements MigrationInterface {
  name = 'ReleasePlanContacts1796100000600';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "release_areas" ADD "probation_phone" text NULL`);
    await queryRunner.query(`ALTER TABLE "providers" ADD "phone" text NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "providers" DROP COLUMN "phone"`);
    await queryRunner.query(`ALTER TABLE "release_areas" DROP COLUMN "probation_phone"`);
  }
}
