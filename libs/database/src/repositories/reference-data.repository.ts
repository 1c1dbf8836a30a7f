/** Prisons, release areas and CRS providers: the reference data every other record points at. */
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PrisonEntity, ProviderEntity, ReleaseAreaEntity } from '../entities';
import { Tx } from './unit-of-work.types';

@Injectable()
export class ReferenceDataRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The prisons of a region (empty for an unknown region). */
  async prisonsOfRegion(regionCode: string): Promise<string[]> {
    const found = await this.dataSource
      .getRepository(PrisonEntity)
      .find({ where: { regionCode }, order: { code: 'ASC' } });
    return found.map((p) => p.code);
  }

  listPrisons(): Promise<PrisonEntity[]> {
    return this.dataSource.getRepository(PrisonEntity).find({ order: { code: 'ASC' } });
  }

  findPrison(code: string): Promise<PrisonEntity | null> {
    return this.dataSource.getRepository(PrisonEntity).findOneBy({ code });
  }

  listReleaseAreas(): Promise<ReleaseAreaEntity[]> {
    return this.dataSource
      .getRepository(ReleaseAreaEntity)
      .find({ order: { name: 'ASC' }, relations: { provider: true } });
  }

  /** Pass the transaction when inside one: a second pool connection there can starve the pool under load. */
  findReleaseArea(code: string, tx?: Tx): Promise<ReleaseAreaEntity | null> {
    return (tx ?? this.dataSource.manager)
      .getRepository(ReleaseAreaEntity)
      .findOne({ where: { code }, relations: { provider: true } });
  }

  /**
   * The provider of a release area, in one indexed read (findReleaseArea loads the provider too, which TypeORM does
   * in two queries): what the change recorder needs for every event's rooms, inside its transaction.
   */
  async releaseAreaProviderId(code: string, tx: Tx): Promise<string | null> {
    const rows = await tx.query<{ provider_id: string | null }[]>(
      'SELECT provider_id FROM release_areas WHERE code = $1',
      [code],
    );
    return rows[0]?.provider_id ?? null;
  }

  listProviders(): Promise<ProviderEntity[]> {
    return this.dataSource.getRepository(ProviderEntity).find({ order: { name: 'ASC' } });
  }

  findProvider(id: string): Promise<ProviderEntity | null> {
    return this.dataSource.getRepository(ProviderEntity).findOneBy({ id });
  }

  findProviderByName(name: string): Promise<ProviderEntity | null> {
    return this.dataSource.getRepository(ProviderEntity).findOneBy({ name });
  }

  insertProvider(tx: Tx, provider: Partial<ProviderEntity>): Promise<ProviderEntity> {
    const repo = tx.getRepository(ProviderEntity);
    return repo.save(repo.create(provider));
  }

  async updateProvider(tx: Tx, id: string, patch: Partial<ProviderEntity>): Promise<ProviderEntity | null> {
    const repo = tx.getRepository(ProviderEntity);
    await repo.update({ id }, patch);
    return repo.findOneBy({ id });
  }

  /** Her probation office's phone number for a release area (the demo seed's; reference data otherwise). */
  async setProbationPhone(tx: Tx, areaCode: string, probationPhone: string | null): Promise<void> {
    await tx.getRepository(ReleaseAreaEntity).update({ code: areaCode }, { probationPhone });
  }

  async assignAreaToProvider(tx: Tx, areaCode: string, providerId: string | null): Promise<void> {
    await tx.getRepository(ReleaseAreaEntity).update({ code: areaCode }, { providerId });
  }

  async upsertPrisons(tx: Tx, prisons: { code: string; name: string; regionCode: string | null }[]): Promise<void> {
    await tx.getRepository(PrisonEntity).upsert(prisons, ['code']);
  }

  /** Adds missing areas and corrects names; never touches an area's provider (an admin's decision). */
  async upsertReleaseAreas(tx: Tx, areas: { code: string; name: string; country: string }[]): Promise<void> {
    await tx
      .createQueryBuilder()
      .insert()
      .into(ReleaseAreaEntity)
      .values(areas.map((a) => ({ ...a, providerId: null })))
      .orUpdate(['name', 'country'], ['code'])
      .execute();
  }
}
