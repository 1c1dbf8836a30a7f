/**
 * Links a person signed in through an OpenID Connect issuer (issuer + subject) to her users row, so the audit
 * trail and every table keep one users row per person whichever way she signs in. `suspended_at` is set when
 * the issuer refused her refresh token (she was removed or disabled there): her users row is then withdrawn,
 * and only a later sign-in at the issuer (which proves she is back) restores it.
 */
import { MigrationInterface, QueryRunner } from 'typeorm';

export class ExternalIdentities1796100000500 implements MigrationInterface {
  name = 'ExternalIdentities1796100000500';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "external_identities" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "issuer" text NOT NULL,
        "subject" text NOT NULL,
        "user_id" uuid NOT NULL REFERENCES "users"("id"),
        "suspended_at" timestamptz NULL,
        "signed_out_at" timestamptz NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "last_signed_in_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "PK_external_identities" PRIMARY KEY ("id"),
        CONSTRAINT "external_identities_one_per_subject" UNIQUE ("issuer", "subject")
      )`);
    await queryRunner.query(`CREATE INDEX "IDX_external_identities_user" ON "external_identities" ("user_id")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "external_identities"`);
  }
}
