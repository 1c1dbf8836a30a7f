/**
 * Alerts written out ahead of their instant (issue 15): every threshold at 17:00 on a working day passes at once,
 * 20,000 of them nationally, and building their alerts, audit entries, board events and messages at that instant
 * took seconds. The worker now builds them a couple of minutes before (PreparedInstantsService) and keeps them
 * here as drafts; at the instant it copies them into alerts, audit_events, notifications and outbox_events. The
 * horizon's top-up deletes drafts of instants that have run. Nothing here is shown to anyone or counts as raised.
 *
 * A draft holds only while what it was built from stands. The triggers below mark stale a task's drafts when the
 * task changes, a woman's when her record changes, an area's women's when the area's provider changes (it routes
 * their events), and a task's escalation drafts when one of its alerts is acknowledged; a stale draft is never
 * raised, and the instant's sweep judges its threshold afresh. The worker builds drafts holding those rows locked
 * (FOR SHARE), so a change waits until they are stored and then marks them. A change committed before the instant's
 * statement reads a draft is seen by it; one committing while it runs comes after the alert, as it would after an
 * alert raised the usual way.
 */
import { MigrationInterface, QueryRunner } from 'typeorm';

const TRIGGERS: { table: string; name: string; when: string; marks: string }[] = [
  { table: 'tasks', name: 'tasks_stale_prepared_alerts', when: '', marks: 'task_id = OLD.id' },
  { table: 'women', name: 'women_stale_prepared_alerts', when: '', marks: 'woman_id = OLD.id' },
  {
    table: 'release_areas',
    name: 'release_areas_stale_prepared_alerts',
    when: 'WHEN (OLD.provider_id IS DISTINCT FROM NEW.provider_id)',
    marks: 'woman_id IN (SELECT id FROM women WHERE release_area_code = OLD.code)',
  },
  {
    table: 'alerts',
    name: 'alerts_stale_prepared_escalations',
    when: 'WHEN (OLD.acknowledged_at IS NULL AND NEW.acknowledged_at IS NOT NULL)',
    marks: `task_id = OLD.task_id AND kind = 'ESCALATED'`,
  },
];

export class PreparedAlerts1796100001000 implements MigrationInterface {
  name = 'PreparedAlerts1796100001000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "prepared_alerts" (
        "alert_id" uuid PRIMARY KEY,
        "instant" timestamptz NOT NULL,
        "task_id" uuid NOT NULL REFERENCES "tasks" ("id") ON DELETE CASCADE,
        "woman_id" uuid NOT NULL REFERENCES "women" ("id") ON DELETE CASCADE,
        "kind" varchar(16) NOT NULL,
        "level" int NOT NULL,
        "deadline_revision" int NOT NULL,
        "threshold_at" timestamptz NOT NULL,
        "recipients" jsonb NOT NULL,
        "stale" boolean NOT NULL DEFAULT false,
        "audit_woman_id" uuid,
        "audit_entity_type" varchar(24) NOT NULL,
        "audit_entity_id" text NOT NULL,
        "audit_action" varchar(48) NOT NULL,
        "audit_actor_id" uuid,
        "audit_actor_role" varchar(32),
        "audit_before" jsonb,
        "audit_after" jsonb,
        "audit_request_id" text,
        "event_type" varchar(48) NOT NULL,
        "event_rooms" text[] NOT NULL,
        "event_payload" jsonb NOT NULL,
        "message_template" text NOT NULL,
        "message_personalisation" jsonb NOT NULL,
        "prepared_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "prepared_alerts_once_per_threshold" UNIQUE ("task_id", "kind", "level", "deadline_revision")
      )`);
    await queryRunner.query(`CREATE INDEX "prepared_alerts_by_instant" ON "prepared_alerts" ("instant", "alert_id")`);
    await queryRunner.query(`CREATE INDEX "prepared_alerts_by_woman" ON "prepared_alerts" ("woman_id")`);
    for (const { table, name, when, marks } of TRIGGERS) {
      await queryRunner.query(`
        CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          UPDATE prepared_alerts SET stale = true WHERE ${marks} AND NOT stale;
          RETURN NULL;
        END $$`);
      await queryRunner.query(`
        CREATE TRIGGER ${name} AFTER UPDATE ON "${table}" FOR EACH ROW ${when} EXECUTE FUNCTION ${name}()`);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const { table, name } of TRIGGERS) {
      await queryRunner.query(`DROP TRIGGER ${name} ON "${table}"`);
      await queryRunner.query(`DROP FUNCTION ${name}()`);
    }
    await queryRunner.query(`DROP TABLE "prepared_alerts"`);
  }
}
