/**
 * People's contact details and message preferences (GOV.UK Notify). She keeps her own; an administrator, who
 * already manages her access (users.service.ts), may correct them too. Every change is audited (USER
 * SETTINGS_CHANGED) with who made it.
 */
import { Injectable, NotFoundException } from '@nestjs/common';
import { UnitOfWork, UserEntity, UsersRepository } from '@app/database';
import { normaliseUkMobile } from '@app/domain';
import { Actor, ChangeRecorder } from '@app/resettlement';
import { PreferredLanguage, type UserSettingsView } from '@app/contracts';
import { fieldError } from '../common/validation-errors';
import { sentFields } from '../common/sent-fields';
import { UpdateUserSettingsDto } from './update-user-settings.dto';

function toSettingsView(u: UserEntity): UserSettingsView {
  return {
    email: u.email,
    mobile: u.mobile,
    notifyByEmail: u.notifyByEmail,
    notifyBySms: u.notifyBySms,
    notifyClaimedTasks: u.notifyClaimedTasks,
    preferredLanguage: (u.preferredLanguage as PreferredLanguage | null) ?? null,
  };
}

@Injectable()
export class UserSettingsService {
  constructor(
    private readonly users: UsersRepository,
    private readonly recorder: ChangeRecorder,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async get(userId: string): Promise<UserSettingsView> {
    const user = await this.users.findActiveById(userId);
    if (!user) throw new NotFoundException('No such user');
    return toSettingsView(user);
  }

  async update(userId: string, body: UpdateUserSettingsDto, actor: Actor): Promise<UserSettingsView> {
    const changes = sentFields(body);
    if (typeof changes.mobile === 'string') {
      const mobile = normaliseUkMobile(changes.mobile);
      if (!mobile) throw fieldError('mobile', 'mobile must be a UK mobile number, such as 07700 900123');
      changes.mobile = mobile;
    }
    if (typeof changes.email === 'string') changes.email = changes.email.trim();
    const saved = await this.unitOfWork.run(async (tx) => {
      const user = await this.users.findByIdForUpdate(tx, userId);
      if (!user) throw new NotFoundException('No such user');
      const before = toSettingsView(user);
      Object.assign(user, changes);
      if (user.notifyBySms && !user.mobile) {
        throw fieldError('notifyBySms', 'Text messages need a mobile number: add one, or turn text messages off');
      }
      const after = await this.users.save(tx, user);
      await this.recorder.settingsChanged(tx, {
        userId,
        before: { ...before },
        after: { ...toSettingsView(after) },
        actor,
      });
      return after;
    });
    return toSettingsView(saved);
  }
}
