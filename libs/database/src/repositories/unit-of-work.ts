/**
 * Runs a piece of work in one PostgreSQL transaction: the change, its audit rows and its outbox events
 * commit together, or not at all.
 */
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditTrailRepository } from './audit-trail.repository';
import { OutboxRepository } from './outbox.repository';
import { Tx } from './unit-of-work.types';

export type { Tx } from './unit-of-work.types';

@Injectable()
export class UnitOfWork {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxRepository,
    private readonly audit: AuditTrailRepository,
  ) {}

  /** READ COMMITTED (UNIT_OF_WORK_ISOLATION), the connection's default: BEGIN alone, one round trip. */
  run<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (tx) => {
      this.audit.openStaging(tx);
      try {
        const result = await work(tx);
        await this.outbox.flush(tx, this.audit.takeStaged(tx));
        return result;
      } finally {
        this.audit.takeStaged(tx);
      }
    });
  }
}
