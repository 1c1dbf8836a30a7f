/**
 * The language the web app speaks to her (issue 18: English or Welsh, chosen per user; Welsh Language Standards
 * (No. 1) Regulations 2015). NULL until she chooses: the web keeps the language she picked before signing in.
 */
import { MigrationInterface, QueryRunner } from 'typeorm';

export class PreferredLanguage1796100000700 implements MigrationInterface {
  name = 'PreferredLanguage1796100000700';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE "users"
        ADD "preferred_language" varchar(2) NULL
          CONSTRAINT "users_preferred_language_known" CHECK ("preferred_language" IN ('en', 'cy'))`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "preferred_language"`);
  }
}
