/**
 * Where the reports read: the PostgreSQL replica when one is configured (DATABASE_REPLICA_URL, TypeORM
 * replication's 'slave' query runner), else the primary. Reports only read, and read what was committed before
 * they were asked for, so a replica a moment behind serves them and takes their scans off the primary; everything
 * that must see its own writes (every API request and job, the overdue snapshots the worker takes) stays on the
 * primary. Each report says which server answered and how far behind the primary it was (ReportSource).
 */
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface ReportSource {
  server: 'primary' | 'replica';
  /**
   * How far the replica's replay was behind the primary when the report ran, in seconds: 0 when it had replayed
   * everything it received (pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn()), else the age of the last
   * transaction it replayed. 0 on the primary.
   */
  behindSeconds: number;
}

interface SourceRow {
  in_recovery: boolean;
  behind_seconds: string | number | null;
}

@Injectable()
export class ReportReads {
  constructor(private readonly dataSource: DataSource) {}

  async query<T>(sql: string, parameters?: unknown[]): Promise<T> {
    const runner = this.dataSource.createQueryRunner('slave');
    try {
      return (await runner.query(sql, parameters)) as T;
    } finally {
      await runner.release();
    }
  }

  /** Which server the reports read, and how far behind the primary it is now. */
  async source(): Promise<ReportSource> {
    const [row] = await this.query<SourceRow[]>(
      `SELECT pg_is_in_recovery() AS in_recovery,
              CASE WHEN NOT pg_is_in_recovery() THEN 0
                   WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0
                   ELSE GREATEST(0, EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp())) END AS behind_seconds`,
    );
    return {
      server: row.in_recovery ? 'replica' : 'primary',
      behindSeconds: Math.round(Number(row.behind_seconds ?? 0) * 10) / 10,
    };
  }
}
