/** Alerts as people see them: the open ones in their scope, and acknowledging one (which stops its ladder). */
import { ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { AuthenticatedUser } from '@app/auth';
import { AlertsRepository, TasksRepository, UnitOfWork, WomenRepository } from '@app/database';
import { refusal, taskVisibilityFor } from '@app/domain';
import { AlertSummary } from '@app/events';
import { Actor, ChangeRecorder, alertSummary } from '@app/resettlement';
import { Clock } from '../common/clock';
import { ListAlertsQueryDto } from './alerts.dto';
import { AlertView, toAlertView } from './alert.view';

@Injectable()
export class AlertsService {
  constructor(
    private readonly alerts: AlertsRepository,
    private readonly tasks: TasksRepository,
    private readonly women: WomenRepository,
    private readonly recorder: ChangeRecorder,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async list(user: AuthenticatedUser, query: ListAlertsQueryDto): Promise<AlertView[]> {
    const rows = await this.alerts.listInScope(user.scope, taskVisibilityFor(user.role), {
      onlyOpen: query.open !== 'false',
      prisonCode: query.prison,
      womanId: query.womanId,
      limit: 500,
    });
    return rows.map((row) => toAlertView(row, user));
  }

  async acknowledge(user: AuthenticatedUser, id: string, actor: Actor): Promise<AlertSummary> {
    const [visible] = await this.alerts.listInScope(user.scope, taskVisibilityFor(user.role), {
      onlyOpen: false,
      alertId: id,
      limit: 1,
    });
    if (!visible) throw new NotFoundException('No such alert in your caseload');
    const refused = refusal(user, 'alert.acknowledge');
    if (refused) throw new ForbiddenException(refused);
    if (visible.alert.acknowledgedAt)
      throw new ConflictException(`Already acknowledged at ${visible.alert.acknowledgedAt.toISOString()}`);
    const now = this.clock.now();
    const acknowledged = await this.unitOfWork.run(async (tx) => {
      const alert = await this.alerts.acknowledge(tx, id, user.id, now);
      if (!alert) return null;
      const task = await this.tasks.findById(tx, alert.taskId);
      const woman = await this.women.findById(tx, alert.womanId);
      if (task && woman) await this.recorder.alertAcknowledged(tx, { woman, task, alert, actor, now });
      return alert;
    });
    if (!acknowledged) throw new ConflictException('Someone acknowledged it a moment ago');
    return alertSummary(acknowledged);
  }
}
