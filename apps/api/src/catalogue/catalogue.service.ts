/** The task catalogue as an admin maintains it. Edits apply to tasks planned from now on. */
import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { AuditTrailRepository, TaskCatalogueEntryEntity, TaskCatalogueRepository, UnitOfWork } from '@app/database';
import { Actor } from '@app/resettlement';
import { UpdateCatalogueEntryDto } from './update-catalogue-entry.dto';
import { sentFields } from '../common/sent-fields';

@Injectable()
export class CatalogueService {
  constructor(
    private readonly catalogue: TaskCatalogueRepository,
    private readonly audit: AuditTrailRepository,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  list(): Promise<TaskCatalogueEntryEntity[]> {
    return this.catalogue.list();
  }

  async update(key: string, body: UpdateCatalogueEntryDto, actor: Actor): Promise<TaskCatalogueEntryEntity> {
    return this.unitOfWork.run(async (tx) => {
      const entry = await this.catalogue.findByKeyForUpdate(tx, key);
      if (!entry) throw new NotFoundException(`No catalogue entry ${key}`);
      if (entry.version !== body.version) {
        throw new ConflictException(
          `The entry was changed since you read it (version ${entry.version}): reload and try again`,
        );
      }
      const { version: _v, ...patch } = body;
      const before = { ...entry };
      Object.assign(entry, sentFields(patch));
      const saved = await this.catalogue.save(tx, entry);
      await this.audit.append(tx, [
        {
          womanId: null,
          entityType: 'CATALOGUE',
          entityId: key,
          action: 'UPDATED',
          actorId: actor.id,
          actorRole: actor.role,
          before: snapshot(before),
          after: snapshot(saved),
          requestId: actor.requestId,
        },
      ]);
      return saved;
    });
  }
}

function snapshot(entry: TaskCatalogueEntryEntity): Record<string, unknown> {
  const { updatedAt: _u, ...fields } = entry;
  return { ...fields };
}
