/**
 * Coded withdrawal and return reasons (issue 16): the code beside the free text on the referral and on each
 * status-log row, so provider accountability counts them by code; her needs and requirements on the referral; and
 * the record of each open referral following her to another prison or release area.
 */
import { MigrationInterface, QueryRunner } from 'typeorm';

export class ReferralReasonsNeedsAndTransfers1796100000200 implements MigrationInterface {
  name = 'ReferralReasonsNeedsAndTransfers1796100000200';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE "referrals"
        ADD "needs_and_requirements" jsonb,
        ADD "withdrawal_reason_code" character varying(3),
        ADD "returned_reason_code" character varying(24)
    `);
    await queryRunner.query(`ALTER TABLE "referral_status_changes" ADD "reason_code" character varying(24)`);
    await queryRunner.query(`
      CREATE TABLE "referral_transfers" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "referral_id" uuid NOT NULL,
        "kind" character varying(16) NOT NULL,
        "from_code" character varying(40) NOT NULL,
        "to_code" character varying(40) NOT NULL,
        "provider_id" uuid NOT NULL,
        "reason" text NOT NULL,
        "actor_id" uuid,
        "actor_role" character varying(20),
        "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "referral_transfers_pk" PRIMARY KEY ("id"),
        CONSTRAINT "referral_transfers_referral_fk" FOREIGN KEY ("referral_id") REFERENCES "referrals"("id") ON DELETE CASCADE
      )
    `);
    await queryRunner.query(
      `CREATE INDEX "referral_transfers_referral_at_idx" ON "referral_transfers" ("referral_id", "at")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "referral_transfers"`);
    await queryRunner.query(`ALTER TABLE "referral_status_changes" DROP COLUMN "reason_code"`);
    await queryRunner.query(`
      ALTER TABLE "referrals"
        DROP COLUMN "returned_reason_code",
        DROP COLUMN "withdrawal_reason_code",
        DROP COLUMN "needs_and_requirements"
    `);
  }
}
