/**
 * A record that someone's access may have changed, written by the database itself in the same transaction
 * as the change, whatever made it (the API, an HMPPS event, the CLI, a hand-written UPDATE). Gateways poll it
 * as the backstop for the relayed ACCESS_CHANGED message, so a lost message still takes a socket out of the
 * rooms its user lost within seconds.
 *
 * The rows are inserted by deferred triggers at commit under a transaction-scoped advisory lock (the outbox's
 * technique), so ids become visible in order and a gateway's cursor never skips a row that commits late.
 * The function is SECURITY DEFINER so the writing apps need no grant on the table; readers need SELECT.
 */
import { MigrationInterface, QueryRunner } from 'typeorm';

/** Its own key: access changes queue only on each other, never on the outbox (7_151_751) or the relay. */
const ACCESS_CHANGES_LOCK_KEY = 7_151_753;

export class AccessChanges1795987040283 implements MigrationInterface {
  name = 'AccessChanges1795987040283';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "access_changes" (
                "id" BIGSERIAL NOT NULL,
                "user_id" uuid,
                "woman_id" uuid,
                "changed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT clock_timestamp(),
                CONSTRAINT "PK_access_changes" PRIMARY KEY ("id"),
                CONSTRAINT "CHK_access_changes_subject" CHECK ("user_id" IS NOT NULL OR "woman_id" IS NOT NULL)
            )
        `);
    await queryRunner.query(`
            CREATE FUNCTION note_access_change() RETURNS trigger
            LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
            BEGIN
                PERFORM pg_advisory_xact_lock(${ACCESS_CHANGES_LOCK_KEY});
                IF TG_TABLE_NAME = 'users' THEN
                    INSERT INTO access_changes (user_id) VALUES (NEW.id);
                ELSIF TG_TABLE_NAME = 'women' THEN
                    INSERT INTO access_changes (woman_id) VALUES (NEW.id);
                ELSIF TG_TABLE_NAME = 'release_areas' THEN
                    -- The old provider's caseworkers lose the women released to this area.
                    INSERT INTO access_changes (user_id) SELECT id FROM users WHERE provider_id = OLD.provider_id;
                END IF;
                RETURN NULL;
            END $$
        `);
    // A user's scope and rooms come from these columns (accessScopeFor, automaticRooms, roomAccess).
    await queryRunner.query(`
            CREATE CONSTRAINT TRIGGER users_access_changed AFTER UPDATE ON "users"
            DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
            WHEN (OLD.active IS DISTINCT FROM NEW.active OR OLD.role IS DISTINCT FROM NEW.role
               OR OLD.prison_codes IS DISTINCT FROM NEW.prison_codes OR OLD.provider_id IS DISTINCT FROM NEW.provider_id
               OR OLD.team_key IS DISTINCT FROM NEW.team_key OR OLD.is_manager IS DISTINCT FROM NEW.is_manager
               OR OLD.region_code IS DISTINCT FROM NEW.region_code)
            EXECUTE FUNCTION note_access_change()
        `);
    // Who may see a woman: her prison (a transfer), her COM and POM (a reallocation), her area (its provider).
    await queryRunner.query(`
            CREATE CONSTRAINT TRIGGER women_access_changed AFTER UPDATE ON "women"
            DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
            WHEN (OLD.prison_code IS DISTINCT FROM NEW.prison_code OR OLD.com_id IS DISTINCT FROM NEW.com_id
               OR OLD.pom_id IS DISTINCT FROM NEW.pom_id OR OLD.release_area_code IS DISTINCT FROM NEW.release_area_code)
            EXECUTE FUNCTION note_access_change()
        `);
    await queryRunner.query(`
            CREATE CONSTRAINT TRIGGER release_areas_access_changed AFTER UPDATE ON "release_areas"
            DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
            WHEN (OLD.provider_id IS DISTINCT FROM NEW.provider_id)
            EXECUTE FUNCTION note_access_change()
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER release_areas_access_changed ON "release_areas"`);
    await queryRunner.query(`DROP TRIGGER women_access_changed ON "women"`);
    await queryRunner.query(`DROP TRIGGER users_access_changed ON "users"`);
    await queryRunner.query(`DROP FUNCTION note_access_change()`);
    await queryRunner.query(`DROP TABLE "access_changes"`);
  }
}
