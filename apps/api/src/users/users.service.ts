/** User accounts as an admin manages them: postings, team, manager flag, withdrawal. */
import { Injectable, NotFoundException } from '@nestjs/common';
import { ReferenceDataRepository, UnitOfWork, UserEntity, UsersRepository } from '@app/database';
import { Role } from '@app/domain';
import { Actor, ChangeRecorder } from '@app/resettlement';
import { fieldError } from '../common/validation-errors';
import { UpdateUserAccessDto } from './update-user-access.dto';
import { sentFields } from '../common/sent-fields';
import type { UserView } from '@app/contracts';
export type { UserView } from '@app/contracts';

function toUserView(u: UserEntity): UserView {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    prisonCodes: u.prisonCodes,
    providerId: u.providerId,
    teamKey: u.teamKey,
    isManager: u.isManager,
    regionCode: u.regionCode,
    active: u.active,
  };
}

function accessSnapshot(u: UserEntity): Record<string, unknown> {
  return {
    active: u.active,
    prisonCodes: u.prisonCodes,
    providerId: u.providerId,
    teamKey: u.teamKey,
    isManager: u.isManager,
    regionCode: u.regionCode,
  };
}

@Injectable()
export class UsersService {
  constructor(
    private readonly users: UsersRepository,
    private readonly reference: ReferenceDataRepository,
    private readonly recorder: ChangeRecorder,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async list(): Promise<UserView[]> {
    return (await this.users.list()).map(toUserView);
  }

  async updateAccess(id: string, body: UpdateUserAccessDto, actor: Actor): Promise<UserView> {
    if (body.providerId && !(await this.reference.findProvider(body.providerId)))
      throw fieldError('providerId', 'No provider has this id');
    const saved = await this.unitOfWork.run(async (tx) => {
      const user = await this.users.findByIdForUpdate(tx, id);
      if (!user) throw new NotFoundException('No such user');
      const before = accessSnapshot(user);
      Object.assign(user, sentFields(body));
      // A regional manager oversees her region's prisons, whatever prisons were sent.
      if (user.role === Role.REGIONAL_MANAGER && user.regionCode) {
        user.prisonCodes = await this.reference.prisonsOfRegion(user.regionCode);
      }
      const after = await this.users.save(tx, user);
      await this.recorder.accessChanged(tx, { userId: id, before, after: accessSnapshot(after), actor });
      return after;
    });
    return toUserView(saved);
  }
}
