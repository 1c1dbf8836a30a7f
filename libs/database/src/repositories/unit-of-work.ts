/** Runs a piece of work in one PostgreSQL transaction: the change, its audit rows and (later) its events commit together. */
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

/** An open transaction, handed to repository methods that write. */
export type Tx = EntityManager;

@Injectable()
export class UnitOfWork {
  constructor(private readonly dataSource: DataSource) {}

  run<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.dataSource.transaction('READ COMMITTED', work);
  }
}
