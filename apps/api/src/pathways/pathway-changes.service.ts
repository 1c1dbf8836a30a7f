/**
 * Applies pathway status changes inside a caller's transaction: records them, audits them, and when a
 * pathway newly needs support, creates its tasks from the catalogue with the need-identified time.
 */
import { Injectable } from '@nestjs/common';
import { PathwayStatusesRepository, TaskEntity, Tx, WomanEntity } from '@app/database';
import { Pathway, PathwayStatus } from '@app/domain';
import { Actor, ChangeRecorder, TaskPlannerService } from '@app/resettlement';

export interface PathwayChange {
  pathway: Pathway;
  status: PathwayStatus;
  notes?: string;
}

/** Statuses in which a need has been identified and is being (or waiting to be) met. */
const NEED_OPEN: readonly PathwayStatus[] = [PathwayStatus.SUPPORT_REQUIRED, PathwayStatus.IN_PROGRESS];

@Injectable()
export class PathwayChangesService {
  constructor(
    private readonly pathways: PathwayStatusesRepository,
    private readonly planner: TaskPlannerService,
    private readonly recorder: ChangeRecorder,
  ) {}

  async apply(tx: Tx, woman: WomanEntity, changes: PathwayChange[], at: Date, actor: Actor): Promise<TaskEntity[]> {
    const current = new Map((await this.pathways.listForWomanInTx(tx, woman.id)).map((p) => [p.pathway, p]));
    const created: TaskEntity[] = [];
    for (const change of changes) {
      const before = current.get(change.pathway);
      const previousStatus = before?.status ?? PathwayStatus.NOT_STARTED;
      const needIsNew = change.status === PathwayStatus.SUPPORT_REQUIRED && !NEED_OPEN.includes(previousStatus);
      const needIdentifiedAt = needIsNew ? at : (before?.needIdentifiedAt ?? null);
      if (previousStatus === change.status && !needIsNew) continue;
      await this.pathways.upsert(tx, [
        { womanId: woman.id, pathway: change.pathway, status: change.status, needIdentifiedAt, updatedById: actor.id },
      ]);
      await this.recorder.pathwayChanged(tx, {
        woman,
        pathway: change.pathway,
        status: change.status,
        before: { status: previousStatus },
        after: {
          status: change.status,
          needIdentifiedAt: needIdentifiedAt?.toISOString() ?? null,
          notes: change.notes ?? null,
        },
        actor,
      });
      if (needIsNew)
        created.push(
          ...(await this.planner.createTasksForNeed(tx, {
            woman,
            pathway: change.pathway,
            needIdentifiedAt: at,
            actor,
            now: at,
          })),
        );
    }
    return created;
  }
}
