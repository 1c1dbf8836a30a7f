import { AlertKind } from './alerts';
import {
  BOARD_EVENT_GROUPS,
  BOARD_EVENT_TYPES,
  BoardEvent,
  BoardEventPayload,
  BoardEventType,
  isBoardEventPayload,
  isEventOf,
} from './board-events';
import { Pathway } from './pathways';
import { Role } from './roles';
import { ScheduleState, TaskStatus } from './tasks';

/**
 * The fields each event carries beyond the common ones. The switch has no default: a new member of the union
 * that is not handled here fails to compile (`never`), so the list below cannot fall behind the union.
 */
function ownFields(event: BoardEventPayload): string[] {
  switch (event.type) {
    case 'woman.created':
    case 'woman.updated':
    case 'woman.transferred':
    case 'woman.recalled':
    case 'woman.released':
      return ['previousPrisonCode', 'woman'];
    case 'pathway.status_changed':
      return ['pathway'];
    case 'assessment.recorded':
      return [];
    case 'task.created':
    case 'task.claimed':
    case 'task.claim_released':
    case 'task.status_changed':
    case 'task.note_added':
    case 'task.deadline_moved':
      return ['task'];
    case 'alert.raised':
    case 'alert.acknowledged':
      return ['alert', 'task', 'womanLabel'];
    case 'referral.changed':
      return ['referral'];
    case 'session.changed':
      return ['referral', 'session'];
    case 'session.concern_raised':
      return ['comId', 'referral', 'session'];
    case 'bank_account.changed':
    case 'id_document.changed':
    case 'release_day.changed':
    case 'accommodation_outcome.changed':
    case 'keywork.changed':
      return ['record'];
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}

const task = {
  id: 't1',
  womanId: 'w1',
  pathway: Pathway.HEALTH,
  title: 'Register with a GP',
  ownerRole: Role.PRE_RELEASE_TEAM,
  status: TaskStatus.TODO,
  assigneeId: null,
  claimedByProviderId: null,
  dueAt: null,
  atRiskAt: null,
  scheduleState: ScheduleState.ON_TRACK,
  releaseCritical: false,
  version: 1,
};

describe('board events', () => {
  it('lists every event type once', () => {
    expect(new Set(BOARD_EVENT_TYPES).size).toBe(BOARD_EVENT_TYPES.length);
    expect(BOARD_EVENT_TYPES).toHaveLength(23);
  });

  it('gives every listed type a shape of its own, with the fields of its group', () => {
    const fieldsOfGroup: Record<keyof typeof BOARD_EVENT_GROUPS, string[]> = {
      woman: ['previousPrisonCode', 'woman'],
      pathway: ['pathway'],
      assessment: [],
      task: ['task'],
      alert: ['alert', 'task', 'womanLabel'],
      referral: ['referral'],
      session: ['referral', 'session'],
      concern: ['comId', 'referral', 'session'],
      record: ['record'],
    };
    for (const [group, types] of Object.entries(BOARD_EVENT_GROUPS)) {
      for (const type of types as readonly BoardEventType[]) {
        const event = { type, at: '', womanId: null, prisonCode: null } as BoardEventPayload;
        expect({ type, fields: ownFields(event) }).toEqual({
          type,
          fields: fieldsOfGroup[group as keyof typeof BOARD_EVENT_GROUPS],
        });
      }
    }
  });

  it('tells a stored board event from a gateway-to-gateway message or anything else', () => {
    for (const type of BOARD_EVENT_TYPES) expect(isBoardEventPayload({ type, at: '' })).toBe(true);
    expect(isBoardEventPayload({ userId: 'u1' })).toBe(false);
    expect(isBoardEventPayload({ type: 'access.changed' })).toBe(false);
    expect(isBoardEventPayload({ type: 'task.exploded' })).toBe(false);
    expect(isBoardEventPayload(null)).toBe(false);
    expect(isBoardEventPayload('task.created')).toBe(false);
  });

  it('narrows an event to its group, so a client reads its fields without guessing', () => {
    const alert: BoardEvent = {
      type: 'alert.raised',
      seq: 7,
      at: '2026-01-01T00:00:00.000Z',
      womanId: 'w1',
      prisonCode: 'STI',
      womanLabel: { id: 'w1', prisonNumber: 'A1234BC', firstName: 'Ann', lastName: 'Smith' },
      task,
      alert: {
        id: 'a1',
        taskId: 't1',
        kind: AlertKind.OVERDUE,
        level: 0,
        thresholdAt: '2026-01-01T00:00:00.000Z',
        createdAt: '2026-01-01T00:00:00.000Z',
        acknowledgedAt: null,
        acknowledgedById: null,
      },
    };
    expect(isEventOf(alert, 'alert') && alert.alert.kind).toBe(AlertKind.OVERDUE);
    expect(isEventOf(alert, 'task')).toBe(false);
    const created: BoardEvent = { type: 'task.created', seq: 8, at: '', womanId: 'w1', prisonCode: 'STI', task };
    expect(isEventOf(created, 'task') && created.task.id).toBe('t1');
    expect(isEventOf(created, 'alert')).toBe(false);
  });
});

/*
 * Checked by the type checker (npm run typecheck), not at run time: each member has exactly its own fields, so an
 * event missing its payload, or carrying another type's, does not compile. Were the union loosened back into one
 * object with optional fields, these @ts-expect-error lines would fail the typecheck.
 */
const common = { at: '', womanId: null, prisonCode: null };
const pathway = { pathway: Pathway.HEALTH, status: 'DONE' };
// @ts-expect-error a task event carries its task
export const withoutItsTask: BoardEventPayload = { ...common, type: 'task.created' };
// @ts-expect-error an assessment event names no pathway (its outcomes may be special category)
export const withAPathway: BoardEventPayload = { ...common, type: 'assessment.recorded', pathway };
// @ts-expect-error no such event type
export const unknownType: BoardEventPayload = { ...common, type: 'task.exploded' };
