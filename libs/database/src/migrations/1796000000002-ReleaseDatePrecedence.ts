/**
 * The sentence dates HMPPS holds that Resettle lacked (NPD, PRRD, SED, LED, SLED, TUSED and the overrides the
 * prison's calculation sets), why her release date is the one it is, and her transfer to a secure hospital.
 */
import { MigrationInterface, QueryRunner } from 'typeorm';

const DATE_COLUMNS = [
  'conditional_release_override_date',
  'automatic_release_override_date',
  'non_parole_date',
  'non_parole_override_date',
  'post_recall_release_date',
  'post_recall_release_override_date',
  'sentence_expiry_date',
  'sentence_expiry_override_date',
  'licence_expiry_date',
  'licence_expiry_override_date',
  'sentence_and_licence_expiry_date',
  'topup_supervision_expiry_date',
  'transferred_to_hospital_on',
];

export class ReleaseDatePrecedence1796000000002 implements MigrationInterface {
  name = 'ReleaseDatePrecedence1796000000002';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const column of DATE_COLUMNS) {
      await queryRunner.query(`ALTER TABLE "women" ADD "${column}" date`);
    }
    await queryRunner.query(`ALTER TABLE "women" ADD "release_date_reason" text`);
    await queryRunner.query(`ALTER TABLE "women" ADD "transferred_to_hospital_from_prison_code" character varying(3)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "women" DROP COLUMN "transferred_to_hospital_from_prison_code"`);
    await queryRunner.query(`ALTER TABLE "women" DROP COLUMN "release_date_reason"`);
    for (const column of [...DATE_COLUMNS].reverse()) {
      await queryRunner.query(`ALTER TABLE "women" DROP COLUMN "${column}"`);
    }
  }
}
