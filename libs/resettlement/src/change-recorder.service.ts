/**
 * Records every change to a woman, pathway, assessment, task or alert twice, in the caller's transaction:
 * in the append-only audit trail (who, what before and after, when) and in the outbox as a board event
 * addressed to the rooms entitled to it. One place, so no change can reach one and miss the other.
 */
import { Injectable } from '@nestjs/common';
import {
  AlertEntity,
  AuditEntry,
  AuditTrailRepository,
  OutboxRepository,
  OutboxRow,
  ReferenceDataRepository,
  ReferralEntity,
  TaskEntity,
  Tx,
  WomanEntity,
} from '@app/database';
import { Pathway, PathwayStatus } from '@app/domain';
import {
  ACCESS_CHANGED,
  rooms,
  BoardEventDraft,
  RecordEventType,
  TaskEventType,
  WomanEventType,
  WomanLabel,
  WomanRoomContext,
  roomsForEscalation,
  roomsForPathwayEvent,
  roomsForReferralEvent,
  roomsForTaskEvent,
  roomsForWomanEvent,
} from '@app/events';
import { Actor, SYSTEM_ACTOR } from './actor';
import { alertSummary, taskSummary, womanLabel, womanSummary } from './board-summaries';

export type Snapshot = Record<string, unknown> | null;

export interface TaskChange {
  task: TaskEntity;
  action: 'CREATED' | 'CLAIMED' | 'CLAIM_RELEASED' | 'STATUS_CHANGED' | 'NOTE_ADDED' | 'DEADLINE_MOVED';
  before: Snapshot;
  after: Snapshot;
}

const TASK_EVENT: Record<TaskChange['action'], TaskEventType> = {
  CREATED: 'task.created',
  CLAIMED: 'task.claimed',
  CLAIM_RELEASED: 'task.claim_released',
  STATUS_CHANGED: 'task.status_changed',
  NOTE_ADDED: 'task.note_added',
  DEADLINE_MOVED: 'task.deadline_moved',
};

export type WomanAction =
  | 'CREATED'
  | 'UPDATED'
  | 'TRANSFERRED'
  | 'RECALLED'
  | 'RELEASED'
  | 'TRANSFERRED_TO_HOSPITAL'
  | 'RETURNED_FROM_HOSPITAL';

const WOMAN_EVENT: Record<WomanAction, WomanEventType> = {
  CREATED: 'woman.created',
  UPDATED: 'woman.updated',
  TRANSFERRED: 'woman.transferred',
  RECALLED: 'woman.recalled',
  RELEASED: 'woman.released',
  // She leaves the prison as on release, so the boards take it as one; the audit entry says it was a hospital.
  TRANSFERRED_TO_HOSPITAL: 'woman.released',
  // Back from hospital she arrives on the prison's board as a transfer in does.
  RETURNED_FROM_HOSPITAL: 'woman.transferred',
};

/** Case records other than tasks, each audited under its own entity type. */
export type CaseRecordKind = 'BANK_ACCOUNT' | 'ID_DOCUMENT' | 'RELEASE_DAY_PLAN' | 'ACCOMMODATION_OUTCOME';

const RECORD_EVENT: Record<CaseRecordKind, RecordEventType> = {
  BANK_ACCOUNT: 'bank_account.changed',
  ID_DOCUMENT: 'id_document.changed',
  RELEASE_DAY_PLAN: 'release_day.changed',
  ACCOMMODATION_OUTCOME: 'accommodation_outcome.changed',
};

@Injectable()
export class ChangeRecorder {
  constructor(
    private readonly audit: AuditTrailRepository,
    private readonly outbox: OutboxRepository,
    private readonly reference: ReferenceDataRepository,
  ) {}

  async roomContext(tx: Tx, woman: WomanEntity, previousPrisonCode: string | null = null): Promise<WomanRoomContext> {
    const area = await this.reference.findReleaseArea(woman.releaseAreaCode, tx);
    return {
      id: woman.id,
      prisonCode: woman.prisonCode,
      previousPrisonCode,
      releaseAreaCode: woman.releaseAreaCode,
      providerId: area?.providerId ?? null,
      pomId: woman.pomId,
      comId: woman.comId,
    };
  }

  async womanChanged(
    tx: Tx,
    woman: WomanEntity,
    action: WomanAction,
    before: Snapshot,
    after: Snapshot,
    actor: Actor,
    previousPrisonCode: string | null = null,
  ): Promise<void> {
    await this.audit.append(tx, [this.entry(woman.id, 'WOMAN', woman.id, action, before, after, actor)]);
    const context = await this.roomContext(tx, woman, previousPrisonCode);
    const type = WOMAN_EVENT[action];
    this.outbox.stage(tx, [
      this.event(roomsForWomanEvent(context, type), {
        type,
        womanId: woman.id,
        prisonCode: woman.prisonCode,
        previousPrisonCode,
        woman: womanSummary(woman),
      }),
    ]);
  }

  async pathwayChanged(
    tx: Tx,
    woman: WomanEntity,
    pathway: Pathway,
    status: PathwayStatus,
    before: Snapshot,
    after: Snapshot,
    actor: Actor,
  ): Promise<void> {
    await this.audit.append(tx, [this.entry(woman.id, 'PATHWAY', pathway, 'STATUS_CHANGED', before, after, actor)]);
    const context = await this.roomContext(tx, woman);
    this.outbox.stage(tx, [
      this.event(roomsForPathwayEvent(context, pathway, status), {
        type: 'pathway.status_changed',
        womanId: woman.id,
        prisonCode: woman.prisonCode,
        pathway: { pathway, status },
      }),
    ]);
  }

  async assessmentRecorded(
    tx: Tx,
    woman: WomanEntity,
    assessmentId: string,
    after: Snapshot,
    actor: Actor,
  ): Promise<void> {
    await this.audit.append(tx, [this.entry(woman.id, 'ASSESSMENT', assessmentId, 'RECORDED', null, after, actor)]);
    // Outcomes name pathways (some sensitive): the policy keeps it to those who may see assessments.
    const context = await this.roomContext(tx, woman);
    this.outbox.stage(tx, [
      this.event(roomsForWomanEvent(context, 'assessment.recorded'), {
        type: 'assessment.recorded',
        womanId: woman.id,
        prisonCode: woman.prisonCode,
      }),
    ]);
  }

  async tasksChanged(tx: Tx, woman: WomanEntity, changes: TaskChange[], actor: Actor, now: Date): Promise<void> {
    if (changes.length === 0) return;
    await this.audit.append(
      tx,
      changes.map((c) => this.entry(woman.id, 'TASK', c.task.id, c.action, c.before, c.after, actor)),
    );
    const context = await this.roomContext(tx, woman);
    this.outbox.stage(
      tx,
      changes.map((c) =>
        this.event(roomsForTaskEvent(context, c.task, TASK_EVENT[c.action]), {
          type: TASK_EVENT[c.action],
          womanId: woman.id,
          prisonCode: woman.prisonCode,
          task: taskSummary(c.task, now),
        }),
      ),
    );
  }

  /** Alerts raised by the deadline engine (the system is the actor), sent to the rooms each alert names. */
  alertsRaised(
    tx: Tx,
    raised: { alert: AlertEntity; task: TaskEntity; woman: WomanLabel & { prisonCode: string } }[],
    now: Date,
  ): Promise<void> {
    this.outbox.stage(
      tx,
      raised.map(({ alert, task, woman }) =>
        this.event(alert.recipients.rooms, {
          type: 'alert.raised',
          womanId: woman.id,
          prisonCode: woman.prisonCode,
          womanLabel: womanLabel(woman),
          task: taskSummary(task, now),
          alert: alertSummary(alert),
        }),
      ),
    );
    return this.audit.append(
      tx,
      raised.map(({ alert, task }) =>
        this.entry(
          task.womanId,
          'TASK',
          task.id,
          `ALERT_${alert.kind}`,
          null,
          {
            alertId: alert.id,
            level: alert.level,
            thresholdAt: alert.thresholdAt.toISOString(),
            rooms: alert.recipients.rooms,
          },
          SYSTEM_ACTOR,
        ),
      ),
    );
  }

  async alertAcknowledged(
    tx: Tx,
    woman: WomanEntity,
    task: TaskEntity,
    alert: AlertEntity,
    actor: Actor,
    now: Date,
  ): Promise<void> {
    await this.audit.append(tx, [
      this.entry(
        woman.id,
        'TASK',
        task.id,
        'ALERT_ACKNOWLEDGED',
        { alertId: alert.id, acknowledgedAt: null },
        { alertId: alert.id, acknowledgedAt: alert.acknowledgedAt?.toISOString() ?? null },
        actor,
      ),
    ]);
    const context = await this.roomContext(tx, woman);
    this.outbox.stage(tx, [
      this.event(roomsForEscalation(context, task, 'alert.acknowledged'), {
        type: 'alert.acknowledged',
        womanId: woman.id,
        prisonCode: woman.prisonCode,
        womanLabel: womanLabel(woman),
        task: taskSummary(task, now),
        alert: alertSummary(alert),
      }),
    ]);
  }

  async referralChanged(
    tx: Tx,
    woman: WomanEntity,
    referral: ReferralEntity,
    action: string,
    before: Snapshot,
    after: Snapshot,
    actor: Actor,
  ): Promise<void> {
    await this.audit.append(tx, [this.entry(woman.id, 'REFERRAL', referral.id, action, before, after, actor)]);
    const context = await this.roomContext(tx, woman);
    const pathways = referral.pathways.map((p) => p.pathway);
    this.outbox.stage(tx, [
      this.event(
        roomsForReferralEvent(context, {
          pathways,
          providerId: referral.providerId,
          sent: referral.sentAt !== null,
          caseworkerId: referral.caseworkerId,
        }),
        {
          type: 'referral.changed',
          womanId: woman.id,
          prisonCode: woman.prisonCode,
          referral: {
            id: referral.id,
            reference: referral.reference,
            womanId: woman.id,
            providerId: referral.providerId,
            status: referral.status,
            pathways,
            caseworkerId: referral.caseworkerId,
            sent: referral.sentAt !== null,
            version: referral.version,
          },
        },
      ),
    ]);
  }

  /** A bank account, ID document or release-day record changed: audited, and the woman's boards told. */
  async caseRecordChanged(
    tx: Tx,
    woman: WomanEntity,
    kind: CaseRecordKind,
    recordId: string,
    action: string,
    before: Snapshot,
    after: Snapshot,
    actor: Actor,
    status: string | null,
  ): Promise<void> {
    await this.audit.append(tx, [this.entry(woman.id, kind, recordId, action, before, after, actor)]);
    const context = await this.roomContext(tx, woman);
    this.outbox.stage(tx, [
      this.event(roomsForWomanEvent(context, RECORD_EVENT[kind]), {
        type: RECORD_EVENT[kind],
        womanId: woman.id,
        prisonCode: woman.prisonCode,
        record: { id: recordId, kind, status },
      }),
    ]);
  }

  /**
   * A recall refused because reception's evidence did not match (or she is not released): audited only. Nothing
   * changed, so no board hears of it; the entry is hers when the prison number was hers, so her case holders
   * can see that someone tried.
   */
  async recallRefused(
    tx: Tx,
    refusal: { womanId: string | null; prisonNumber: string; details: Record<string, unknown> },
    actor: Actor,
  ): Promise<void> {
    await this.audit.append(tx, [
      {
        womanId: refusal.womanId,
        entityType: 'RECALL',
        entityId: refusal.prisonNumber,
        action: 'REFUSED',
        actorId: actor.id,
        actorRole: actor.role,
        before: null,
        after: refusal.details,
        requestId: actor.requestId,
      },
    ]);
  }

  /** A user's access changed: audited, and every gateway re-checks the rooms of her sockets. */
  async accessChanged(tx: Tx, userId: string, before: Snapshot, after: Snapshot, actor: Actor): Promise<void> {
    await this.audit.append(tx, [
      {
        womanId: null,
        entityType: 'USER',
        entityId: userId,
        action: 'ACCESS_CHANGED',
        actorId: actor.id,
        actorRole: actor.role,
        before,
        after,
        requestId: actor.requestId,
      },
    ]);
    this.outbox.stage(tx, [{ type: ACCESS_CHANGED, womanId: null, rooms: [rooms.user(userId)], payload: { userId } }]);
  }

  private entry(
    womanId: string,
    entityType: string,
    entityId: string,
    action: string,
    before: Snapshot,
    after: Snapshot,
    actor: Actor,
  ): AuditEntry {
    return {
      womanId,
      entityType,
      entityId,
      action,
      actorId: actor.id,
      actorRole: actor.role,
      before,
      after,
      requestId: actor.requestId,
    };
  }

  private event(rooms: string[], payload: BoardEventDraft): OutboxRow {
    return {
      type: payload.type,
      womanId: payload.womanId,
      rooms,
      payload: { ...payload, at: new Date().toISOString() },
    };
  }
}
