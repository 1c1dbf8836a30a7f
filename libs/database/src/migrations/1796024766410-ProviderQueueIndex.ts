/**
 * A provider's referral queue sorted from the index alone (bench:national): the queue orders every referral sent to
 * the provider (19,409 for the busiest) by its stage deadline and then by when it was sent, so the sort reads
 * (provider, status, id, sent, created) for each from the index and the rows themselves only for the page.
 */
import { MigrationInterface, QueryRunner } from 'typeorm';

export class ProviderQueueIndex1796024766410 implements MigrationInterface {
  name = 'ProviderQueueIndex1796024766410';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "referrals_provider_queue" ON "referrals" ("provider_id", "status") INCLUDE ("id", "sent_at", "created_at")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."referrals_provider_queue"`);
  }
}
