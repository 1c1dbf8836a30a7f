/** Reads the access-change log the database writes at commit (see the AccessChanges migration). */
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccessChangeEntity } from '../entities';

export interface AccessChange {
  id: string;
  userId: string | null;
  womanId: string | null;
}

@Injectable()
export class AccessChangesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Changes after `afterId`, oldest first: ids commit in order, so a cursor never skips one. */
  async listAfter(afterId: string, limit: number): Promise<AccessChange[]> {
    const rows = await this.dataSource
      .getRepository(AccessChangeEntity)
      .createQueryBuilder('c')
      .select(['c.id', 'c.userId', 'c.womanId'])
      .where('c.id > :afterId', { afterId })
      .orderBy('c.id', 'ASC')
      .limit(limit)
      .getMany();
    return rows.map((r) => ({ id: String(r.id), userId: r.userId, womanId: r.womanId }));
  }

  async latestId(): Promise<string> {
    const rows: { id: string | null }[] = await this.dataSource.query('SELECT max(id)::text AS id FROM access_changes');
    return rows[0]?.id ?? '0';
  }
}
