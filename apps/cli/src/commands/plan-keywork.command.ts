/**
 * `plan-keywork`: gives every woman in prison who has no open keywork task the one she would have had from her
 * reception (KeyworkPlannerService.planAtReception), for a database recorded before the task was planned there.
 * Each woman in her own transaction, locked and checked again, so a run beside the API or a second run adds nothing.
 * The worker finds the new deadlines in PostgreSQL (its horizon and reconciler); nothing is queued here.
 */
import { Injectable } from '@nestjs/common';
import { UnitOfWork, WomenRepository } from '@app/database';
import { KEYWORK_TASK_KEY, RELEASED_PRISON_CODE } from '@app/domain';
import { KeyworkPlannerService, SYSTEM_ACTOR } from '@app/resettlement';

const REQUEST_ID = 'cli-plan-keywork';

@Injectable()
export class PlanKeyworkCommand {
  constructor(
    private readonly women: WomenRepository,
    private readonly planner: KeyworkPlannerService,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async run(): Promise<number> {
    const prisonNumbers = await this.women.listInCustodyWithoutOpenTask(KEYWORK_TASK_KEY, RELEASED_PRISON_CODE);
    let planned = 0;
    for (const prisonNumber of prisonNumbers) {
      planned += await this.unitOfWork.run(async (tx) => {
        const woman = await this.women.findByPrisonNumberForUpdate(tx, prisonNumber);
        if (!woman || woman.transferredToHospitalOn !== null) return 0;
        const tasks = await this.planner.planAtReception(tx, {
          woman,
          actor: { ...SYSTEM_ACTOR, requestId: REQUEST_ID },
          now: new Date(),
        });
        return tasks.length;
      });
    }
    console.log(`Keywork: planned ${planned} task(s) for women in prison who had none.`);
    return planned;
  }
}
