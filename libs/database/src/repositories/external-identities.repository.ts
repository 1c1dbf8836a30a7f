/** Reads and writes the links between an OpenID Connect issuer's subjects and users rows. */
import { Injectable } from '@nestjs/common';
import { DataSource, Repository } from 'typeorm';
import { ExternalIdentityEntity } from '../entities';
import { Tx } from './unit-of-work.types';

@Injectable()
export class ExternalIdentitiesRepository {
  private readonly identities: Repository<ExternalIdentityEntity>;

  constructor(dataSource: DataSource) {
    this.identities = dataSource.getRepository(ExternalIdentityEntity);
  }

  find(issuer: string, subject: string): Promise<ExternalIdentityEntity | null> {
    return this.identities.findOneBy({ issuer, subject });
  }

  findForUpdate(tx: Tx, issuer: string, subject: string): Promise<ExternalIdentityEntity | null> {
    return tx
      .getRepository(ExternalIdentityEntity)
      .findOne({ where: { issuer, subject }, lock: { mode: 'pessimistic_write' } });
  }

  save(tx: Tx, identity: Partial<ExternalIdentityEntity>): Promise<ExternalIdentityEntity> {
    const repository = tx.getRepository(ExternalIdentityEntity);
    return repository.save(repository.create(identity));
  }
}
