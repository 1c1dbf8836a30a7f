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
  DeliverySessionEntity,
  ReferralEntity,
  TaskEntity,
  Tx,
  WomanEntity,
} from '@app/database';
import { AuditAction, AuditActionOf, AuditEntityType, Pathway, PathwayStatus } from '@app/domain';
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
  roomsForSessionConcern,
  roomsForTaskEvent,
  roomsForWomanEvent,
} from '@app/events';
import { Actor, SYSTEM_ACTOR } from './actor';
import {
  alertSummary,
  deliverySessionSummary,
  referralSummary,
  taskSummary,
  womanLabel,
  womanSummary,
} from './board-summaries';

export type Snapshot = Record<string, unknown> | null;

/** What can happen to a task through the recorder; alerts are recorded by alertsRaised and alertAcknowledged. */
export type TaskAction = Exclude<AuditActionOf<'TASK'>, `ALERT_${string}`>;

export interface TaskChange {
  task: TaskEntity;
  action: TaskAction;
  before: Snapshot;
  after: Snapshot;
}

/** Changes to some of one woman's tasks, made by one actor at one time. */
export interface TaskChanges {
  woman: WomanEntity;
  changes: TaskChange[];
  actor: Actor;
  now: Date;
}

/** As TaskChanges, from a caller that read her rooms' context (her release area's provider too) with the task. */
export interface TaskChangesInRooms extends Omit<TaskChanges, 'woman'> {
  rooms: WomanRoomContext;
}

const TASK_EVENT: Record<TaskChange['action'], TaskEventType> = {
  CREATED: 'task.created',
  CLAIMED: 'task.claimed',
  CLAIM_RELEASED: 'task.claim_released',
  STATUS_CHANGED: 'task.status_changed',
  NOTE_ADDED: 'task.note_added',
  DEADLINE_MOVED: 'task.deadline_moved',
};

export type WomanAction = AuditActionOf<'WOMAN'>;

/** A change to her record; a move between prisons names the prison she left, so its board hears of it. */
export interface WomanChange {
  woman: WomanEntity;
  action: WomanAction;
  before: Snapshot;
  after: Snapshot;
  actor: Actor;
  previousPrisonCode?: string | null;
}

/** One of her pathways moved to a new status. */
export interface PathwayChange {
  woman: WomanEntity;
  pathway: Pathway;
  status: PathwayStatus;
  before: Snapshot;
  after: Snapshot;
  actor: Actor;
}

/** An assessment of her needs, recorded. */
export interface AssessmentRecord {
  woman: WomanEntity;
  assessmentId: string;
  after: Snapshot;
  actor: Actor;
}

/** Someone acknowledged an alert on one of her tasks, stopping its escalation. */
export interface AlertAcknowledgement {
  woman: WomanEntity;
  task: TaskEntity;
  alert: AlertEntity;
  actor: Actor;
  now: Date;
}

/** A referral of hers was created, edited or moved a stage (the action names which). */
export interface ReferralChange {
  woman: WomanEntity;
  referral: ReferralEntity;
  action: AuditActionOf<'REFERRAL'>;
  before: Snapshot;
  after: Snapshot;
  actor: Actor;
}

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
export type CaseRecordKind = 'BANK_ACCOUNT' | 'ID_DOCUMENT' | 'RELEASE_DAY_PLAN' | 'ACCOMMODATION_OUTCOME' | 'KEYWORK';

const RECORD_EVENT: Record<CaseRecordKind, RecordEventType> = {
  BANK_ACCOUNT: 'bank_account.changed',
  ID_DOCUMENT: 'id_document.changed',
  RELEASE_DAY_PLAN: 'release_day.changed',
  ACCOMMODATION_OUTCOME: 'accommodation_outcome.changed',
  KEYWORK: 'keywork.changed',
};

/** A change to one of her case records; the action must be one audited for that kind of record. */
export interface CaseRecordChange<K extends CaseRecordKind = CaseRecordKind> {
  woman: WomanEntity;
  kind: K;
  recordId: string;
  action: AuditActionOf<K>;
  before: Snapshot;
  after: Snapshot;
  actor: Actor;
  /** The record's status after the change, for the boards (null for records without one). */
  status: string | null;
}

/** A user's roles, scope or active flag changed. */
export interface AccessChange {
  userId: string;
  before: Snapshot;
  after: Snapshot;
  actor: Actor;
}

/** The parts of an audit entry about a woman's records that vary from one entry to the next. */
interface WomanAuditEntry {
  womanId: string;
  entityType: AuditEntityType;
  entityId: string;
  action: AuditAction;
  before: Snapshot;
  after: Snapshot;
  actor: Actor;
}

/** One of her referral's delivery sessions was booked, moved or had its attendance recorded. */
export interface SessionChange {
  woman: WomanEntity;
  referral: ReferralEntity;
  session: DeliverySessionEntity;
  action: Extract<AuditActionOf<'REFERRAL'>, `SESSION_${string}`>;
  before: Snapshot;
  after: Snapshot;
  actor: Actor;
}

function referralRoomsOf(referral: ReferralEntity) {
  return {
    pathways: referral.pathways.map((p) => p.pathway),
    providerId: referral.providerId,
    sent: referral.sentAt !== null,
    caseworkerId: referral.caseworkerId,
  };
}

@Injectable()
export class ChangeRecorder {
  constructor(
    private readonly audit: AuditTrailRepository,
    private readonly outbox: OutboxRepository,
    private readonly reference: ReferenceDataRepository,
  ) {}

  async roomContext(tx: Tx, woman: WomanEntity, previousPrisonCode: string | null = null): Promise<WomanRoomContext> {
    const providerId = await this.reference.releaseAreaProviderId(woman.releaseAreaCode, tx);
    return {
      id: woman.id,
      prisonCode: woman.prisonCode,
      previousPrisonCode,
      releaseAreaCode: woman.releaseAreaCode,
      providerId,
      pomId: woman.pomId,
      comId: woman.comId,
    };
  }

  async womanChanged(
    tx: Tx,
    { woman, action, before, after, actor, previousPrisonCode = null }: WomanChange,
  ): Promise<void> {
    await this.audit.append(tx, [
      this.entry({ womanId: woman.id, entityType: 'WOMAN', entityId: woman.id, action, before, after, actor }),
    ]);
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

  async pathwayChanged(tx: Tx, { woman, pathway, status, before, after, actor }: PathwayChange): Promise<void> {
    await this.audit.append(tx, [
      this.entry({
        womanId: woman.id,
        entityType: 'PATHWAY',
        entityId: pathway,
        action: 'STATUS_CHANGED',
        before,
        after,
        actor,
      }),
    ]);
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

  async assessmentRecorded(tx: Tx, { woman, assessmentId, after, actor }: AssessmentRecord): Promise<void> {
    await this.audit.append(tx, [
      this.entry({
        womanId: woman.id,
        entityType: 'ASSESSMENT',
        entityId: assessmentId,
        action: 'RECORDED',
        before: null,
        after,
        actor,
      }),
    ]);
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

  async tasksChanged(tx: Tx, { woman, changes, actor, now }: TaskChanges): Promise<void> {
    if (changes.length === 0) return;
    await this.tasksChangedInRooms(tx, { rooms: await this.roomContext(tx, woman), changes, actor, now });
  }

  /** As tasksChanged, without reading her rooms' context again (see TaskChangesInRooms). */
  async tasksChangedInRooms(tx: Tx, { rooms: woman, changes, actor, now }: TaskChangesInRooms): Promise<void> {
    if (changes.length === 0) return;
    await this.audit.appendWithOutbox(
      tx,
      changes.map((c) =>
        this.entry({
          womanId: woman.id,
          entityType: 'TASK',
          entityId: c.task.id,
          action: c.action,
          before: c.before,
          after: c.after,
          actor,
        }),
      ),
    );
    this.outbox.stage(
      tx,
      changes.map((c) =>
        this.event(roomsForTaskEvent(woman, c.task, TASK_EVENT[c.action]), {
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
    const { events, audit } = this.alertRecords(raised, now);
    this.outbox.stage(tx, events);
    return this.audit.append(tx, audit);
  }

  /**
   * The board event and the audit entry of each alert raised, one of each per alert (in the same order), not yet
   * written: alertsRaised writes them at once, the prepared path ahead of the alert's instant.
   */
  alertRecords(
    raised: { alert: AlertEntity; task: TaskEntity; woman: WomanLabel & { prisonCode: string } }[],
    now: Date,
  ): { events: OutboxRow[]; audit: AuditEntry[] } {
    return {
      events: raised.map(({ alert, task, woman }) =>
        this.event(alert.recipients.rooms, {
          type: 'alert.raised',
          womanId: woman.id,
          prisonCode: woman.prisonCode,
          womanLabel: womanLabel(woman),
          task: taskSummary(task, now),
          alert: alertSummary(alert),
        }),
      ),
      audit: raised.map(({ alert, task }) =>
        this.entry({
          womanId: task.womanId,
          entityType: 'TASK',
          entityId: task.id,
          action: `ALERT_${alert.kind}` as const,
          before: null,
          after: {
            alertId: alert.id,
            level: alert.level,
            thresholdAt: alert.thresholdAt.toISOString(),
            rooms: alert.recipients.rooms,
          },
          actor: SYSTEM_ACTOR,
        }),
      ),
    };
  }

  async alertAcknowledged(tx: Tx, { woman, task, alert, actor, now }: AlertAcknowledgement): Promise<void> {
    await this.audit.append(tx, [
      this.entry({
        womanId: woman.id,
        entityType: 'TASK',
        entityId: task.id,
        action: 'ALERT_ACKNOWLEDGED',
        before: { alertId: alert.id, acknowledgedAt: null },
        after: { alertId: alert.id, acknowledgedAt: alert.acknowledgedAt?.toISOString() ?? null },
        actor,
      }),
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

  /**
   * A delivery session changed: audited on its referral (the session's id in the snapshot), and the rooms that see
   * the referral told, so the provider's queue and her panel redraw it.
   */
  async sessionChanged(
    tx: Tx,
    { woman, referral, session, action, before, after, actor }: SessionChange,
  ): Promise<void> {
    await this.audit.append(tx, [
      this.entry({ womanId: woman.id, entityType: 'REFERRAL', entityId: referral.id, action, before, after, actor }),
    ]);
    const context = await this.roomContext(tx, woman);
    this.outbox.stage(tx, [
      this.event(roomsForReferralEvent(context, referralRoomsOf(referral), 'session.changed'), {
        type: 'session.changed',
        womanId: woman.id,
        prisonCode: woman.prisonCode,
        referral: referralSummary(referral),
        session: deliverySessionSummary(session),
      }),
    ]);
  }

  /**
   * The outbox event `session.concern_raised`, to her COM's user room with the COM's id in it: what tells her COM
   * of a concern raised in a session's feedback. Called by SessionConcerns.raise, nowhere else.
   */
  async sessionConcernRaised(
    tx: Tx,
    { woman, referral, session }: { woman: WomanEntity; referral: ReferralEntity; session: DeliverySessionEntity },
  ): Promise<void> {
    const context = await this.roomContext(tx, woman);
    this.outbox.stage(tx, [
      this.event(roomsForSessionConcern(context, referralRoomsOf(referral)), {
        type: 'session.concern_raised',
        womanId: woman.id,
        prisonCode: woman.prisonCode,
        comId: woman.comId,
        referral: referralSummary(referral),
        session: deliverySessionSummary(session),
      }),
    ]);
  }

  async referralChanged(tx: Tx, { woman, referral, action, before, after, actor }: ReferralChange): Promise<void> {
    await this.audit.append(tx, [
      this.entry({ womanId: woman.id, entityType: 'REFERRAL', entityId: referral.id, action, before, after, actor }),
    ]);
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
  async caseRecordChanged<K extends CaseRecordKind>(
    tx: Tx,
    { woman, kind, recordId, action, before, after, actor, status }: CaseRecordChange<K>,
  ): Promise<void> {
    await this.audit.append(tx, [
      this.entry({ womanId: woman.id, entityType: kind, entityId: recordId, action, before, after, actor }),
    ]);
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
  async accessChanged(tx: Tx, { userId, before, after, actor }: AccessChange): Promise<void> {
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

  /** A person's contact details or message preferences changed (by herself or an administrator). */
  async settingsChanged(tx: Tx, { userId, before, after, actor }: AccessChange): Promise<void> {
    await this.audit.append(tx, [
      {
        womanId: null,
        entityType: 'USER',
        entityId: userId,
        action: 'SETTINGS_CHANGED',
        actorId: actor.id,
        actorRole: actor.role,
        before,
        after,
        requestId: actor.requestId,
      },
    ]);
  }

  private entry({ womanId, entityType, entityId, action, before, after, actor }: WomanAuditEntry): AuditEntry {
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
