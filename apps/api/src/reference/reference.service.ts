/** Reference data: prisons, release areas and the CRS providers an admin maintains. */
import { Injectable, NotFoundException } from '@nestjs/common';
import {
  AuditTrailRepository,
  PrisonEntity,
  ProviderEntity,
  ReferenceDataRepository,
  ReleaseAreaEntity,
  UnitOfWork,
} from '@app/database';
import { Actor } from '@app/resettlement';
import { fieldError } from '../common/validation-errors';
import { AssignAreaProviderDto, CreateProviderDto, UpdateProviderDto } from './provider.dto';
import type { ReleaseAreaView } from '@app/contracts';
export type { ReleaseAreaView } from '@app/contracts';

function providerSnapshot(p: ProviderEntity): Record<string, unknown> {
  return { name: p.name, contractSuffix: p.contractSuffix, allowsDirectReferral: p.allowsDirectReferral };
}

@Injectable()
export class ReferenceService {
  constructor(
    private readonly reference: ReferenceDataRepository,
    private readonly unitOfWork: UnitOfWork,
    private readonly audit: AuditTrailRepository,
  ) {}

  listPrisons(): Promise<PrisonEntity[]> {
    return this.reference.listPrisons();
  }

  async listReleaseAreas(): Promise<ReleaseAreaView[]> {
    return (await this.reference.listReleaseAreas()).map(toAreaView);
  }

  listProviders(): Promise<ProviderEntity[]> {
    return this.reference.listProviders();
  }

  async createProvider(body: CreateProviderDto, actor: Actor): Promise<ProviderEntity> {
    if (await this.reference.findProviderByName(body.name))
      throw fieldError('name', 'A provider with this name already exists');
    return this.unitOfWork.run(async (tx) => {
      const provider = await this.reference.insertProvider(tx, body);
      await this.audit.append(tx, [
        {
          womanId: null,
          entityType: 'PROVIDER',
          entityId: provider.id,
          action: 'CREATED',
          actorId: actor.id,
          actorRole: actor.role,
          before: null,
          after: providerSnapshot(provider),
          requestId: actor.requestId,
        },
      ]);
      return provider;
    });
  }

  async updateProvider(id: string, body: UpdateProviderDto, actor: Actor): Promise<ProviderEntity> {
    const before = await this.reference.findProvider(id);
    if (!before) throw new NotFoundException('No such provider');
    if (body.name && body.name !== before.name && (await this.reference.findProviderByName(body.name))) {
      throw fieldError('name', 'A provider with this name already exists');
    }
    return this.unitOfWork.run(async (tx) => {
      const after = await this.reference.updateProvider(tx, id, body);
      if (!after) throw new NotFoundException('No such provider');
      await this.audit.append(tx, [
        {
          womanId: null,
          entityType: 'PROVIDER',
          entityId: id,
          action: 'UPDATED',
          actorId: actor.id,
          actorRole: actor.role,
          before: providerSnapshot(before),
          after: providerSnapshot(after),
          requestId: actor.requestId,
        },
      ]);
      return after;
    });
  }

  async assignAreaProvider(code: string, body: AssignAreaProviderDto, actor: Actor): Promise<ReleaseAreaView> {
    const area = await this.reference.findReleaseArea(code);
    if (!area) throw new NotFoundException('No such release area');
    if (body.providerId && !(await this.reference.findProvider(body.providerId))) {
      throw fieldError('providerId', 'No provider has this id');
    }
    await this.unitOfWork.run(async (tx) => {
      await this.reference.assignAreaToProvider(tx, code, body.providerId);
      await this.audit.append(tx, [
        {
          womanId: null,
          entityType: 'RELEASE_AREA',
          entityId: code,
          action: 'PROVIDER_ASSIGNED',
          actorId: actor.id,
          actorRole: actor.role,
          before: { providerId: area.providerId },
          after: { providerId: body.providerId },
          requestId: actor.requestId,
        },
      ]);
    });
    const updated = await this.reference.findReleaseArea(code);
    return toAreaView(updated as ReleaseAreaEntity);
  }
}

function toAreaView(area: ReleaseAreaEntity): ReleaseAreaView {
  return {
    code: area.code,
    name: area.name,
    country: area.country,
    provider: area.provider
      ? { id: area.provider.id, name: area.provider.name, allowsDirectReferral: area.provider.allowsDirectReferral }
      : null,
  };
}
