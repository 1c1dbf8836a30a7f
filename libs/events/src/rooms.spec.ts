import { Pathway, Role } from '@app/domain';
import {
  WomanRoomContext,
  roomCarries,
  roomsForEscalation,
  roomsForPathwayEvent,
  roomsForReferralEvent,
  roomsForTaskEvent,
  roomsForWomanEvent,
} from './rooms';

const woman: WomanRoomContext = {
  id: 'w1',
  prisonCode: 'STI',
  releaseAreaCode: 'GM',
  providerId: 'p1',
  pomId: 'pom1',
  comId: 'com1',
};
const task = (pathway: Pathway, ownerRole: Role, assigneeId: string | null = null) => ({
  pathway,
  ownerRole,
  assigneeId,
  claimedByProviderId: null,
});

describe('room routing by the visibility policy', () => {
  it('sends a woman’s record to every board of hers', () => {
    expect(roomsForWomanEvent(woman, 'woman.updated').sort()).toEqual(
      ['prison:STI', 'prison:STI:oversight', 'provider:p1', 'woman:w1', 'user:pom1', 'user:com1'].sort(),
    );
  });

  it('keeps special category pathways to the rooms of those who hold her whole case', () => {
    expect(roomsForPathwayEvent(woman, Pathway.HEALTH, 'SUPPORT_REQUIRED').sort()).toEqual(
      ['prison:STI', 'woman:w1', 'user:pom1', 'user:com1'].sort(),
    );
    expect(roomsForTaskEvent(woman, task(Pathway.DOMESTIC_ABUSE, Role.CRS_CASEWORKER))).not.toContain('provider:p1');
    expect(roomsForTaskEvent(woman, task(Pathway.DOMESTIC_ABUSE, Role.CRS_CASEWORKER))).not.toContain(
      'team:CRS_CASEWORKER:p1',
    );
  });

  it('sends a caseworker’s provider room only the tasks her role owns', () => {
    expect(roomsForTaskEvent(woman, task(Pathway.ACCOMMODATION, Role.POM))).not.toContain('provider:p1');
    expect(roomsForTaskEvent(woman, task(Pathway.ACCOMMODATION, Role.CRS_CASEWORKER))).toContain('provider:p1');
  });

  it('never names a woman in a COM team or managers room, whose members do not share her caseload', () => {
    const rooms = roomsForEscalation(woman, task(Pathway.ACCOMMODATION, Role.COM));
    expect(rooms.filter((r) => r.startsWith('team:') || r.startsWith('managers:'))).toEqual([]);
    expect(rooms).toContain('user:com1');
    expect(roomsForEscalation(woman, task(Pathway.ACCOMMODATION, Role.POM))).toContain('managers:POM:STI');
  });

  it('keeps a draft referral from the provider and the oversight board, and sends a sent one to its provider', () => {
    const draft = { pathways: [Pathway.ACCOMMODATION], providerId: 'p2', sent: false, caseworkerId: null };
    expect(roomsForReferralEvent(woman, draft).sort()).toEqual(
      ['prison:STI', 'woman:w1', 'user:pom1', 'user:com1'].sort(),
    );
    const sent = { pathways: [Pathway.DOMESTIC_ABUSE], providerId: 'p2', sent: true, caseworkerId: 'crs1' };
    const rooms = roomsForReferralEvent(woman, sent);
    expect(rooms).toEqual(expect.arrayContaining(['provider:p2', 'user:crs1']));
    expect(rooms).not.toContain('prison:STI:oversight');
    // The provider of her area is not the one referred to.
    expect(rooms).not.toContain('provider:p1');
  });

  it('keeps assessments, finance and ID and release-day plans from the oversight board and providers', () => {
    for (const type of ['assessment.recorded', 'bank_account.changed', 'release_day.changed'] as const) {
      const rooms = roomsForWomanEvent(woman, type);
      expect(rooms).not.toContain('prison:STI:oversight');
      expect(rooms).not.toContain('provider:p1');
    }
  });

  it('judges a user room by its one user’s role, and carries no non-board message', () => {
    const event = { type: 'task.created' as const, task: { pathway: Pathway.HEALTH, ownerRole: Role.POM } };
    expect(roomCarries('user:x', event as never, Role.POM)).toBe(true);
    expect(roomCarries('user:x', event as never, Role.CRS_CASEWORKER)).toBe(false);
    expect(roomCarries('user:x', { type: undefined } as never, Role.ADMIN)).toBe(false);
    expect(roomCarries('nonsense', { type: 'woman.updated' }, Role.ADMIN)).toBe(false);
  });
});
