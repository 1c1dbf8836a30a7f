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

  async append(tx: Tx, entries: AuditEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const repo = tx.getRepository(AuditEventEntity);
    await repo.save(entries.map((entry) => repo.create(entry)));
  }

  listForWoman(womanId: string, limit = 500): Promise<AuditEventEntity[]> {
    return this.dataSource.getRepository(AuditEventEntity).find({
      where: { womanId },
      order: { id: 'ASC' },
      take: limit,
    });
  }
}
