/** Reads and writes users (people who sign in). */
import { Injectable } from '@nestjs/common';
import { DataSource, Repository } from 'typeorm';
import { UserEntity } from '../entities';
import { entityColumnsSql } from './entity-columns';
import { Tx } from './unit-of-work.types';

@Injectable()
export class UsersRepository {
  private readonly users: Repository<UserEntity>;
  private columnsSql?: string;

  constructor(private readonly dataSource: DataSource) {
    this.users = dataSource.getRepository(UserEntity);
  }

  findActiveByUsername(username: string): Promise<UserEntity | null> {
    return this.users.findOneBy({ username, active: true });
  }

  /**
   * Every authenticated request reads its user again (token.service.ts), so this is a plain statement mapped by
   * hand (entity-columns.ts): TypeORM's findOneBy cost as much CPU as the read itself.
   */
  async findActiveById(id: string): Promise<UserEntity | null> {
    this.columnsSql ??= entityColumnsSql(this.dataSource, UserEntity, 'u');
    const rows = await this.dataSource.query<Record<string, unknown>[]>(
      `SELECT ${this.columnsSql} FROM users u WHERE u.id = $1 AND u.active`,
      [id],
    );
    return rows.length === 1 ? Object.assign(new UserEntity(), rows[0]) : null;
  }

  findByIds(ids: string[]): Promise<UserEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.users.createQueryBuilder('u').where('u.id = ANY(:ids)', { ids }).getMany();
  }

  count(): Promise<number> {
    return this.users.count();
  }

  list(): Promise<UserEntity[]> {
    return this.users.find({ order: { username: 'ASC' } });
  }

  findByUsername(tx: Tx, username: string): Promise<UserEntity | null> {
    return tx.getRepository(UserEntity).findOneBy({ username });
  }

  findByIdForUpdate(tx: Tx, id: string): Promise<UserEntity | null> {
    return tx.getRepository(UserEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  save(tx: Tx, user: UserEntity): Promise<UserEntity> {
    return tx.getRepository(UserEntity).save(user);
  }

  insert(tx: Tx, user: Partial<UserEntity>): Promise<UserEntity> {
    return tx.getRepository(UserEntity).save(tx.getRepository(UserEntity).create(user));
  }
}
