/**
 * The outbox without its GIN index on rooms (issue 15, the 17:00 burst). Every alert raised at 17:00 writes an outbox
 * row under the outbox's lock, so the rows are written one transaction at a time; the GIN index on `rooms` doubled
 * to tripled their cost: 20,000 rows of four rooms each took 105-280 ms with it and 74-89 ms without (psql, four
 * runs each, national data set). Its one reader, a reconnecting board's replay, now reads a bounded range of ids by
 * the primary key instead (OutboxRepository.listForRoomsAfter).
 */
import { MigrationInterface, QueryRunner } from 'typeorm';

export class OutboxWithoutRoomsIndex1796100001100 implements MigrationInterface {
  name = 'OutboxWithoutRoomsIndex1796100001100';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."outbox_events_rooms_idx"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "outbox_events_rooms_idx" ON "outbox_events" USING gin ("rooms")`);
  }
}
