/** Appends to and reads the audit trail. There is deliberately no update or delete here. */
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditAction, AuditEntityType } from '@app/domain';
import { AuditEventEntity } from '../entities';
import { Tx } from './unit-of-work.types';

export interface AuditEntry {
  womanId: string | null;
  entityType: AuditEntityType;
  entityId: string;
  action: AuditAction;
  actorId: string | null;
  actorRole: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  requestId: string | null;
}

@Injectable()
export class AuditTrailRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * One statement for any number of entries (column arrays through unnest): the 17:00 burst appends 20,000 in a
   * few transactions, and an entity save of each batch cost more than the alerts themselves (issue 15's profile).
   */
  async append(tx: Tx, entries: AuditEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const json = (value: Record<string, unknown> | null | undefined) => (value == null ? null : JSON.stringify(value));
    await tx.query(
      `INSERT INTO audit_events (woman_id, entity_type, entity_id, action, actor_id, actor_role, before, after, request_id)
       SELECT * FROM unnest($1::uuid[], $2::varchar[], $3::text[], $4::varchar[], $5::uuid[], $6::varchar[],
                            $7::jsonb[], $8::jsonb[], $9::text[])`,
      [
        entries.map((e) => e.womanId ?? null),
        entries.map((e) => e.entityType),
        entries.map((e) => e.entityId),
        entries.map((e) => e.action),
        entries.map((e) => e.actorId ?? null),
        entries.map((e) => e.actorRole ?? null),
        entries.map((e) => json(e.before)),
        entries.map((e) => json(e.after)),
        entries.map((e) => e.requestId ?? null),
      ],
    );
  }

  listForWoman(womanId: string, limit = 500): Promise<AuditEventEntity[]> {
    return this.dataSource.getRepository(AuditEventEntity).find({
      where: { womanId },
      order: { id: 'ASC' },
      take: limit,
    });
  }
}
