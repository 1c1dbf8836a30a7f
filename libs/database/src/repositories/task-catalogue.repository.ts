/** The admin-editable task catalogue, and its conversion to the domain's TaskTemplate. */
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Pathway, TaskTemplate } from '@app/domain';
import { TaskCatalogueEntryEntity } from '../entities';
import { Tx } from './unit-of-work.types';

export function toTaskTemplate(entry: TaskCatalogueEntryEntity): TaskTemplate {
  return {
    key: entry.key,
    pathway: entry.pathway,
    title: entry.title,
    description: entry.description,
    ownerRole: entry.ownerRole,
    deadline: { anchor: entry.deadlineAnchor, offset: entry.deadlineOffset, unit: entry.deadlineUnit },
    atRiskLeadWorkingDays: entry.atRiskLeadWorkingDays,
    releaseCritical: entry.releaseCritical,
    eligibility: entry.eligibility,
    ...(entry.ineligibleAlternative ? { ineligibleAlternative: entry.ineligibleAlternative } : {}),
    active: entry.active,
  };
}

export function fromTaskTemplate(template: TaskTemplate): Partial<TaskCatalogueEntryEntity> {
  return {
    key: template.key,
    pathway: template.pathway,
    title: template.title,
    description: template.description,
    ownerRole: template.ownerRole,
    deadlineAnchor: template.deadline.anchor,
    deadlineOffset: template.deadline.offset,
    deadlineUnit: template.deadline.unit,
    atRiskLeadWorkingDays: template.atRiskLeadWorkingDays,
    releaseCritical: template.releaseCritical,
    eligibility: template.eligibility,
    ineligibleAlternative: template.ineligibleAlternative ?? null,
    // Absent: the column's default, DEFAULT_ESCALATION_LADDER.
    ...(template.escalationLadder ? { escalationLadder: [...template.escalationLadder] } : {}),
    active: template.active,
  };
}

@Injectable()
export class TaskCatalogueRepository {
  constructor(private readonly dataSource: DataSource) {}

  list(): Promise<TaskCatalogueEntryEntity[]> {
    return this.dataSource.getRepository(TaskCatalogueEntryEntity).find({ order: { pathway: 'ASC', key: 'ASC' } });
  }

  listForPathway(tx: Tx, pathway: Pathway): Promise<TaskCatalogueEntryEntity[]> {
    return tx.getRepository(TaskCatalogueEntryEntity).find({ where: { pathway }, order: { key: 'ASC' } });
  }

  listInTx(tx: Tx): Promise<TaskCatalogueEntryEntity[]> {
    return tx.getRepository(TaskCatalogueEntryEntity).find();
  }

  findByKeyForUpdate(tx: Tx, key: string): Promise<TaskCatalogueEntryEntity | null> {
    return tx.getRepository(TaskCatalogueEntryEntity).findOne({ where: { key }, lock: { mode: 'pessimistic_write' } });
  }

  save(tx: Tx, entry: TaskCatalogueEntryEntity): Promise<TaskCatalogueEntryEntity> {
    return tx.getRepository(TaskCatalogueEntryEntity).save(entry);
  }

  /** Inserts the entries whose keys are missing; never overwrites an admin's edits. */
  async insertMissing(tx: Tx, entries: Partial<TaskCatalogueEntryEntity>[]): Promise<number> {
    if (entries.length === 0) return 0;
    const result = await tx
      .createQueryBuilder()
      .insert()
      .into(TaskCatalogueEntryEntity)
      .values(entries)
      .orIgnore()
      .returning(['key'])
      .execute();
    return (result.raw as unknown[]).length;
  }
}
