/** Appends to and reads the audit trail. There is deliberately no update or delete here. */
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditAction, AuditEntityType } from '@app/domain';
import { AuditEventEntity } from '../entities';
import { Tx } from './unit-of-work.types';
import { selectEntities } from './entity-columns';

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

/** The typed column arrays of auditColumns, from parameter $first on (nine of them), for unnest(). */
export function auditUnnestArgsSql(first: number): string {
  const p = (i: number) => `$${first + i}`;
  return `${p(0)}::uuid[], ${p(1)}::varchar[], ${p(2)}::text[], ${p(3)}::varchar[], ${p(4)}::uuid[],
          ${p(5)}::varchar[], ${p(6)}::jsonb[], ${p(7)}::jsonb[], ${p(8)}::text[]`;
}

/** The INSERT of entries given as the column arrays of auditColumns, from parameter $first on (nine of them). */
export function auditInsertSql(first: number): string {
  return `INSERT INTO audit_events (woman_id, entity_type, entity_id, action, actor_id, actor_role, before, after, request_id)
       SELECT * FROM unnest(${auditUnnestArgsSql(first)})`;
}

/** Entries as column arrays, the parameters of auditInsertSql. */
export function auditColumns(entries: AuditEntry[]): unknown[] {
  const json = (value: Record<string, unknown> | null | undefined) => (value == null ? null : JSON.stringify(value));
  return [
    entries.map((e) => e.womanId ?? null),
    entries.map((e) => e.entityType),
    entries.map((e) => e.entityId),
    entries.map((e) => e.action),
    entries.map((e) => e.actorId ?? null),
    entries.map((e) => e.actorRole ?? null),
    entries.map((e) => json(e.before)),
    entries.map((e) => json(e.after)),
    entries.map((e) => e.requestId ?? null),
  ];
}

@Injectable()
export class AuditTrailRepository {
  /** Entries waiting for their transaction's last statement, for transactions a UnitOfWork runs. */
  private readonly staged = new WeakMap<Tx, AuditEntry[]>();

  constructor(private readonly dataSource: DataSource) {}

  /**
   * One statement for any number of entries (column arrays through unnest): the 17:00 burst appends 20,000 in a
   * few transactions, and an entity save of each batch cost more than the alerts themselves (issue 15's profile).
   */
  async append(tx: Tx, entries: AuditEntry[]): Promise<void> {
    // Entries still waiting in this transaction go first, so the trail keeps the order things were recorded in.
    const all = [...(this.staged.get(tx)?.splice(0) ?? []), ...entries];
    if (all.length === 0) return;
    await tx.query(auditInsertSql(1), auditColumns(all));
  }

  /** Called by UnitOfWork as its transaction starts: entries may then wait for its last statement. */
  openStaging(tx: Tx): void {
    this.staged.set(tx, []);
  }

  /**
   * In a UnitOfWork's transaction, the entries are written by its last statement, with its outbox events (a round
   * trip less per change, still in the same transaction); in any other transaction they are appended at once.
   */
  async appendWithOutbox(tx: Tx, entries: AuditEntry[]): Promise<void> {
    const waiting = this.staged.get(tx);
    if (waiting) waiting.push(...entries);
    else await this.append(tx, entries);
  }

  /** The entries waiting for this transaction's last statement, handed over once (UnitOfWork writes them). */
  takeStaged(tx: Tx): AuditEntry[] {
    const waiting = this.staged.get(tx) ?? [];
    this.staged.delete(tx);
    return waiting;
  }

  /** Her trail, oldest first: a plain statement mapped by the entity's columns, as her record is (entity-columns.ts). */
  listForWoman(womanId: string, limit = 500): Promise<AuditEventEntity[]> {
    return selectEntities(this.dataSource, AuditEventEntity, 'e', 'WHERE e.woman_id = $1 ORDER BY e.id LIMIT $2', [
      womanId,
      limit,
    ]);
  }
}
