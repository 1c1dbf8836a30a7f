/**
 * A sign-out through the organisation's issuer, or the issuer refusing her, is a change to her access: her
 * `external_identities` row's `signed_out_at` or `suspended_at` moves, and the access-change log (see the
 * AccessChanges migration) now records it for her user, in the same transaction. Gateways re-check her sockets
 * from it, so the board in her other tabs closes at once rather than when its token expires (issue 18: "sign-out
 * ends the Resettle session").
 */
import { MigrationInterface, QueryRunner } from 'typeorm';

const ACCESS_CHANGES_LOCK_KEY = 7_151_753;

function noteAccessChange(withIdentities: boolean): string {
  return `
    CREATE OR REPLACE FUNCTION note_access_change() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
    BEGIN
        PERFORM pg_advisory_xact_lock(${ACCESS_CHANGES_LOCK_KEY});
        IF TG_TABLE_NAME = 'users' THEN
            INSERT INTO access_changes (user_id) VALUES (NEW.id);
        ELSIF TG_TABLE_NAME = 'women' THEN
            INSERT INTO access_changes (woman_id) VALUES (NEW.id);
        ELSIF TG_TABLE_NAME = 'release_areas' THEN
            INSERT INTO access_changes (user_id) SELECT id FROM users WHERE provider_id = OLD.provider_id;
        ${withIdentities ? "ELSIF TG_TABLE_NAME = 'external_identities' THEN\n            INSERT INTO access_changes (user_id) VALUES (NEW.user_id);" : ''}
        END IF;
        RETURN NULL;
    END $$`;
}

export class SignOutAccessChange1796100000800 implements MigrationInterface {
  name = 'SignOutAccessChange1796100000800';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(noteAccessChange(true));
    await queryRunner.query(`
      CREATE CONSTRAINT TRIGGER external_identities_access_changed AFTER UPDATE ON "external_identities"
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
      WHEN (OLD.signed_out_at IS DISTINCT FROM NEW.signed_out_at OR OLD.suspended_at IS DISTINCT FROM NEW.suspended_at)
      EXECUTE FUNCTION note_access_change()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER external_identities_access_changed ON "external_identities"`);
    await queryRunner.query(noteAccessChange(false));
  }
}
