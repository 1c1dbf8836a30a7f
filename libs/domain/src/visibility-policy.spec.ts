import { Pathway } from './pathways';
import { ReferralStatus } from './referrals';
import { AppointmentKind } from './release-day';
import { Role, ROLES } from './roles';
import {
  AuditEntryFacts,
  AuditReading,
  auditEntryFor,
  canSeeEligibilityReasons,
  canSeeTaskNotes,
  hiddenWomanFields,
  referralListFilterFor,
  referralVisibility,
  releaseDayVisibilityFor,
} from './visibility-policy';

const PROVIDER = 'provider-a';
const sent = {
  providerId: PROVIDER,
  status: ReferralStatus.SENT,
  pathways: [Pathway.ACCOMMODATION, Pathway.DOMESTIC_ABUSE],
};
const draft = { ...sent, status: ReferralStatus.DRAFT };
const reader = (role: Role, providerId: string | null = null) => ({ role, providerId });

describe('referralVisibility', () => {
  it('shows a provider’s caseworker a referral sent to her provider whole, with its risk information', () => {
    expect(referralVisibility(reader(Role.CRS_CASEWORKER, PROVIDER), sent)).toEqual({
      visible: true,
      hiddenPathways: [],
      riskInformation: true,
    });
  });

  it('hides from a caseworker drafts and referrals sent to another provider', () => {
    expect(referralVisibility(reader(Role.CRS_CASEWORKER, PROVIDER), draft).visible).toBe(false);
    expect(referralVisibility(reader(Role.CRS_CASEWORKER, 'provider-b'), sent).visible).toBe(false);
  });

  it('shows oversight roles a sent referral without its special category pathways or risk information, and no drafts', () => {
    for (const role of [Role.GOVERNOR, Role.REGIONAL_MANAGER]) {
      const seen = referralVisibility(reader(role), sent);
      expect(seen.visible).toBe(true);
      expect(seen.hiddenPathways).toContain(Pathway.DOMESTIC_ABUSE);
      expect(seen.riskInformation).toBe(false);
      expect(referralVisibility(reader(role), draft).visible).toBe(false);
      expect(referralVisibility(reader(role), { ...sent, pathways: [Pathway.HEALTH] }).visible).toBe(false);
    }
  });

  it('shows case holders drafts and risk information', () => {
    for (const role of [Role.PRE_RELEASE_TEAM, Role.POM, Role.COM, Role.ADMIN]) {
      expect(referralVisibility(reader(role), draft)).toEqual({
        visible: true,
        hiddenPathways: [],
        riskInformation: true,
      });
    }
  });

  it('gives SQL the same rules for lists', () => {
    expect(referralListFilterFor(reader(Role.GOVERNOR)).includeDrafts).toBe(false);
    expect(referralListFilterFor(reader(Role.COM))).toEqual({ includeDrafts: true, hiddenPathways: [] });
    expect(referralListFilterFor(reader(Role.CRS_CASEWORKER, PROVIDER))).toEqual({
      includeDrafts: false,
      hiddenPathways: [],
    });
  });
});

describe('notes, reasons and fields', () => {
  it('shows notes only on tasks the reader may see, to roles that read notes', () => {
    const crsTask = { pathway: Pathway.ACCOMMODATION, ownerRole: Role.CRS_CASEWORKER };
    expect(canSeeTaskNotes(Role.CRS_CASEWORKER, crsTask)).toBe(true);
    expect(canSeeTaskNotes(Role.CRS_CASEWORKER, { ...crsTask, ownerRole: Role.COM })).toBe(false);
    expect(canSeeTaskNotes(Role.GOVERNOR, crsTask)).toBe(false);
    expect(canSeeTaskNotes(Role.COM, { pathway: Pathway.HEALTH, ownerRole: Role.PRE_RELEASE_TEAM })).toBe(true);
  });

  it("keeps flags, the banking barrier, her COM's release-day reason and eligibility reasons from governors and caseworkers", () => {
    expect(hiddenWomanFields(Role.GOVERNOR).sort()).toEqual([
      'bankingBarrier',
      'releaseDayRequestReason',
      'sensitiveFlags',
      // A transfer to a secure hospital (Mental Health Act 1983 s.47/s.48) is health data, as her flags are.
      'transferredToHospitalFromPrisonCode',
      'transferredToHospitalOn',
    ]);
    expect(hiddenWomanFields(Role.POM)).toEqual([]);
    expect(canSeeEligibilityReasons(Role.CRS_CASEWORKER)).toBe(false);
    expect(canSeeEligibilityReasons(Role.PRE_RELEASE_TEAM)).toBe(true);
  });

  it('withholds release-day detail (notes, health appointments, medication and safe space) from oversight', () => {
    const governor = releaseDayVisibilityFor(Role.GOVERNOR);
    expect(governor.notes).toBe(false);
    expect(governor.appointmentKinds(AppointmentKind.GP_OR_PHARMACY)).toBe(false);
    expect(governor.appointmentKinds(AppointmentKind.PROBATION)).toBe(true);
    expect(governor.checklistItems).not.toContain('medicationSupply');
    const prt = releaseDayVisibilityFor(Role.PRE_RELEASE_TEAM);
    expect(prt.notes && prt.appointmentKinds(AppointmentKind.DRUG_AND_ALCOHOL_SERVICE)).toBe(true);
  });
});

describe('auditEntryFor', () => {
  const task = { pathway: Pathway.FINANCE_AND_ID, ownerRole: Role.PRE_RELEASE_TEAM };
  const reading = (role: Role, providerId: string | null = null): AuditReading => ({
    role,
    providerId,
    task: (id) => (id === 'visible-task' ? task : null),
    referral: (id) => (id === 'sent' ? sent : id === 'draft' ? draft : null),
  });
  const entry = (overrides: Partial<AuditEntryFacts>): AuditEntryFacts => ({
    entityType: 'WOMAN',
    entityId: 'w',
    action: 'UPDATED',
    before: null,
    after: null,
    ...overrides,
  });

  it('leaves out entries about special category pathways, in either form of entity id, for those who may not see them', () => {
    for (const entityId of ['w:HEALTH', 'HEALTH']) {
      const e = entry({ entityType: 'PATHWAY', entityId, after: { status: 'IN_PROGRESS' } });
      expect(auditEntryFor(e, reading(Role.GOVERNOR))).toBeNull();
      expect(auditEntryFor(e, reading(Role.POM))).toEqual({ before: null, after: { status: 'IN_PROGRESS' } });
    }
  });

  it('leaves out a transfer to or return from a secure hospital (Mental Health Act 1983 ss.47-50: health data) for roles that may not see special category data', () => {
    for (const action of ['TRANSFERRED_TO_HOSPITAL', 'RETURNED_FROM_HOSPITAL']) {
      const e = entry({ action, before: { prisonCode: 'STI' }, after: { prisonCode: 'OUT' } });
      for (const role of [Role.GOVERNOR, Role.REGIONAL_MANAGER, Role.CRS_CASEWORKER]) {
        expect([action, role, auditEntryFor(e, reading(role, 'p1'))]).toEqual([action, role, null]);
      }
      expect(auditEntryFor(e, reading(Role.COM))).toEqual({
        before: { prisonCode: 'STI' },
        after: { prisonCode: 'OUT' },
      });
    }
    // The same change under another name is only her record's move, shown as before.
    const moved = entry({ action: 'TRANSFERRED', before: { prisonCode: 'STI' }, after: { prisonCode: 'BZI' } });
    expect(auditEntryFor(moved, reading(Role.GOVERNOR))).toEqual({
      before: { prisonCode: 'STI' },
      after: { prisonCode: 'BZI' },
    });
  });

  it('removes a pathway change’s notes for roles that do not read assessments', () => {
    const e = entry({ entityType: 'PATHWAY', entityId: 'w:ACCOMMODATION', after: { status: 'DONE', notes: 'said' } });
    expect(auditEntryFor(e, reading(Role.GOVERNOR))?.after).toEqual({ status: 'DONE' });
  });

  it('strips flags and the banking barrier from her record’s snapshots, and leaves out a change of only those', () => {
    const created = entry({ action: 'CREATED', after: { firstName: 'Ann', sensitiveFlags: ['SEX_WORK'] } });
    expect(auditEntryFor(created, reading(Role.GOVERNOR))?.after).toEqual({ firstName: 'Ann' });
    const barrier = entry({ before: { bankingBarrier: null }, after: { bankingBarrier: 'joint account' } });
    expect(auditEntryFor(barrier, reading(Role.CRS_CASEWORKER, PROVIDER))).toBeNull();
    expect(auditEntryFor(barrier, reading(Role.COM))?.after).toEqual({ bankingBarrier: 'joint account' });
  });

  it('follows task visibility, and removes a note’s words for readers of the task who may not read notes', () => {
    const note = entry({
      entityType: 'TASK',
      entityId: 'visible-task',
      action: 'NOTE_ADDED',
      after: { noteId: 'n', body: 'x' },
    });
    expect(auditEntryFor(note, reading(Role.GOVERNOR))?.after).toEqual({ noteId: 'n' });
    expect(auditEntryFor(note, reading(Role.PRE_RELEASE_TEAM))?.after).toEqual({ noteId: 'n', body: 'x' });
    expect(auditEntryFor({ ...note, entityId: 'hidden-task' }, reading(Role.ADMIN))).toBeNull();
  });

  it('leaves out a referral’s draft history and risk information for those who may not see them', () => {
    const created = entry({ entityType: 'REFERRAL', entityId: 'sent', action: 'CREATED', after: { status: 'DRAFT' } });
    const send = entry({
      entityType: 'REFERRAL',
      entityId: 'sent',
      action: 'SEND',
      before: { status: 'DRAFT', pathways: [{ pathway: 'DOMESTIC_ABUSE' }, { pathway: 'ACCOMMODATION' }] },
      after: { status: 'SENT', riskInformation: { riskSummary: 'r' } },
    });
    expect(auditEntryFor(created, reading(Role.CRS_CASEWORKER, PROVIDER))).toBeNull();
    expect(auditEntryFor(send, reading(Role.CRS_CASEWORKER, PROVIDER))?.after).toEqual(send.after);
    expect(auditEntryFor(send, reading(Role.GOVERNOR))).toEqual({
      before: { status: 'DRAFT', pathways: [{ pathway: 'ACCOMMODATION' }] },
      after: { status: 'SENT' },
    });
    expect(auditEntryFor({ ...created, entityId: 'draft' }, reading(Role.GOVERNOR))).toBeNull();
    expect(auditEntryFor({ ...created, entityId: 'unknown' }, reading(Role.ADMIN))).toBeNull();
  });

  it('removes a delivery session’s feedback words for readers without the referral’s risk detail', () => {
    const recorded = entry({
      entityType: 'REFERRAL',
      entityId: 'sent',
      action: 'SESSION_ATTENDANCE_RECORDED',
      after: { sessionId: 's', attendance: 'YES', concernRaised: true, feedback: { concernDetails: 'c' } },
    });
    expect(auditEntryFor(recorded, reading(Role.GOVERNOR))?.after).toEqual({
      sessionId: 's',
      attendance: 'YES',
      concernRaised: true,
    });
    expect(auditEntryFor(recorded, reading(Role.CRS_CASEWORKER, PROVIDER))?.after).toEqual(recorded.after);
    expect(auditEntryFor(recorded, reading(Role.COM))?.after).toEqual(recorded.after);
  });

  it('leaves out health appointments and release-day free text for those without release-day detail', () => {
    const gp = entry({
      entityType: 'RELEASE_DAY_PLAN',
      action: 'APPOINTMENT_ADDED',
      after: { kind: 'GP_OR_PHARMACY', place: 'x' },
    });
    expect(auditEntryFor(gp, reading(Role.GOVERNOR))).toBeNull();
    const plan = entry({
      entityType: 'RELEASE_DAY_PLAN',
      action: 'CREATED',
      after: { notes: 'methadone', checklist: { mobilePhone: 'NEEDED', medicationSupply: 'NEEDED' } },
    });
    expect(auditEntryFor(plan, reading(Role.GOVERNOR))?.after).toEqual({ checklist: { mobilePhone: 'NEEDED' } });
    expect(auditEntryFor(plan, reading(Role.COM))?.after).toEqual(plan.after);
  });

  it('leaves out finance, assessments and any entity type it does not know for roles the table keeps them from', () => {
    for (const entityType of ['BANK_ACCOUNT', 'ID_DOCUMENT', 'ASSESSMENT']) {
      expect(auditEntryFor(entry({ entityType, after: { a: 1 } }), reading(Role.GOVERNOR))).toBeNull();
      expect(auditEntryFor(entry({ entityType, after: { a: 1 } }), reading(Role.ADMIN))).not.toBeNull();
    }
    for (const role of ROLES) expect(auditEntryFor(entry({ entityType: 'SOMETHING_NEW' }), reading(role))).toBeNull();
  });
});
