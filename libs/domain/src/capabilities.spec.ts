/**
 * One block per role: what each may do to representative tasks, referrals, alerts and plans, written from the
 * rules as the inspection and the services describe them (not read back from the table).
 */
import { ACTIONS } from '@app/contracts';
import { allowedActions, CapabilityUser, ReferralSubject, refusal, roleRefusal, TaskSubject } from './capabilities';
import { ReferralStatus } from './referrals';
import { Role, ROLES } from './roles';
import { TaskStatus } from './tasks';

const user = (role: Role, id = `${role}-1`, providerId: string | null = null): CapabilityUser => ({
  id,
  role,
  providerId,
});

const openTask = (ownerRole: Role, holding: Partial<TaskSubject> = {}): TaskSubject => ({
  kind: 'task',
  ownerRole,
  assigneeId: null,
  claimedByProviderId: null,
  status: TaskStatus.TODO,
  ...holding,
});

const referral = (status: ReferralStatus, facts: Partial<ReferralSubject> = {}): ReferralSubject => ({
  kind: 'referral',
  status,
  providerId: 'p1',
  providerAllowsDirectReferral: false,
  assignedCaseworkerId: null,
  ...facts,
});

const unacknowledged = { kind: 'alert', acknowledged: false } as const;
const herRecord = (comId: string | null) => ({ kind: 'woman', comId }) as const;

describe('the capability table', () => {
  it('has a rule for every action of the vocabulary, open to at least one role', () => {
    for (const action of ACTIONS) {
      expect(ROLES.some((role) => roleRefusal(role, action) === null)).toBe(true);
    }
  });
});

describe('the pre-release team', () => {
  const prt = user(Role.PRE_RELEASE_TEAM);

  it('claims and works her own role’s tasks, and only works another role’s task she holds', () => {
    expect(allowedActions(prt, openTask(Role.PRE_RELEASE_TEAM))).toEqual([
      'task.claim',
      'task.update-status',
      'task.add-note',
    ]);
    expect(allowedActions(prt, openTask(Role.PRE_RELEASE_TEAM, { assigneeId: prt.id }))).toEqual([
      'task.release',
      'task.update-status',
      'task.add-note',
    ]);
    expect(allowedActions(prt, openTask(Role.POM))).toEqual([]);
    expect(refusal(prt, 'task.claim', openTask(Role.POM))).toBe('This task belongs to the POM role');
    expect(allowedActions(prt, openTask(Role.POM, { assigneeId: prt.id }))).toEqual([
      'task.release',
      'task.update-status',
      'task.add-note',
    ]);
  });

  it('does not release a task a colleague holds', () => {
    const held = openTask(Role.PRE_RELEASE_TEAM, { assigneeId: 'colleague' });
    expect(allowedActions(prt, held)).toEqual(['task.update-status', 'task.add-note']);
    expect(refusal(prt, 'task.release', held)).toMatch(/Only the person holding a task/);
  });

  it('sends a referral only where the provider takes direct referrals', () => {
    expect(allowedActions(prt, referral(ReferralStatus.DRAFT))).toEqual([]);
    expect(refusal(prt, 'referral.send', referral(ReferralStatus.DRAFT))).toMatch(
      /only from the community offender manager/,
    );
    expect(allowedActions(prt, referral(ReferralStatus.DRAFT, { providerAllowsDirectReferral: true }))).toEqual([
      'referral.edit',
      'referral.send',
      'referral.withdraw',
    ]);
    expect(roleRefusal(prt.role, 'referral.create')).toBeNull();
  });

  it('never approves an action plan nor takes a provider’s step', () => {
    const submitted = referral(ReferralStatus.ACTION_PLAN_SUBMITTED, { providerAllowsDirectReferral: true });
    expect(allowedActions(prt, submitted)).toEqual(['referral.withdraw']);
    expect(refusal(prt, 'referral.assign', referral(ReferralStatus.SENT))).not.toBeNull();
  });

  it('plans her release day, records movements, finance and accommodation, but asks no extra day', () => {
    expect(allowedActions(prt, herRecord(null))).toEqual(['release-day.plan', 'release-plan.print']);
    for (const action of ['movement.record', 'finance.record', 'accommodation.record', 'woman.create'] as const) {
      expect(roleRefusal(prt.role, action)).toBeNull();
    }
    expect(refusal(prt, 'release-day.request', herRecord(prt.id))).toMatch(/community offender manager/);
    expect(roleRefusal(prt.role, 'catalogue.edit')).not.toBeNull();
  });
});

describe('the POM', () => {
  const pom = user(Role.POM);

  it('prints her release plan as the pre-release team does', () => {
    expect(allowedActions(pom, herRecord(null))).toEqual(['release-day.plan', 'release-plan.print']);
  });

  it('claims POM tasks and not the pre-release team’s', () => {
    expect(allowedActions(pom, openTask(Role.POM))).toEqual(['task.claim', 'task.update-status', 'task.add-note']);
    expect(allowedActions(pom, openTask(Role.PRE_RELEASE_TEAM))).toEqual([]);
  });

  it('does not refer, and records movements as prison staff', () => {
    expect(roleRefusal(pom.role, 'referral.create')).toMatch(/community offender manager or the pre-release team/);
    expect(allowedActions(pom, referral(ReferralStatus.DRAFT, { providerAllowsDirectReferral: true }))).toEqual([]);
    expect(roleRefusal(pom.role, 'movement.record')).toBeNull();
    expect(roleRefusal(pom.role, 'accommodation.record')).not.toBeNull();
  });
});

describe('the COM', () => {
  const com = user(Role.COM);

  it('sends, edits and withdraws a draft whatever the provider’s rule, and approves the action plan', () => {
    expect(allowedActions(com, referral(ReferralStatus.DRAFT))).toEqual([
      'referral.edit',
      'referral.send',
      'referral.withdraw',
    ]);
    expect(allowedActions(com, referral(ReferralStatus.ACTION_PLAN_SUBMITTED))).toEqual([
      'referral.approve-action-plan',
      'referral.withdraw',
    ]);
    expect(allowedActions(com, referral(ReferralStatus.ENDED))).toEqual([]);
  });

  it('asks for an earlier release day for her own women only', () => {
    expect(refusal(com, 'release-day.request', herRecord(com.id))).toBeNull();
    expect(refusal(com, 'release-day.request', herRecord('another-com'))).toMatch(/her own community offender/);
    // Her paper release plan is the prison's to print and hand over.
    expect(allowedActions(com, herRecord(com.id))).toEqual(['release-day.plan']);
    expect(refusal(com, 'release-plan.print', herRecord(com.id))).toMatch(/printed by the prison/);
  });

  it('records accommodation outcomes but not movements', () => {
    expect(roleRefusal(com.role, 'accommodation.record')).toBeNull();
    expect(roleRefusal(com.role, 'movement.record')).toMatch(/prison staff/);
    expect(roleRefusal(com.role, 'woman.create')).toBe('This action is not open to the COM role');
  });
});

describe('the CRS caseworker', () => {
  const caseworker = user(Role.CRS_CASEWORKER, 'cw1', 'p1');
  const colleague = user(Role.CRS_CASEWORKER, 'cw2', 'p1');
  const otherProvider = user(Role.CRS_CASEWORKER, 'cw9', 'p2');

  it('claims a caseworker task, and works it only once her provider holds it', () => {
    const task = openTask(Role.CRS_CASEWORKER);
    expect(allowedActions(caseworker, task)).toEqual(['task.claim']);
    expect(refusal(caseworker, 'task.update-status', task)).toBe('Claim the task for your provider before working it');
    const heldByProvider = openTask(Role.CRS_CASEWORKER, { assigneeId: 'cw2', claimedByProviderId: 'p1' });
    expect(allowedActions(caseworker, heldByProvider)).toEqual(['task.update-status', 'task.add-note']);
    const heldByAnother = openTask(Role.CRS_CASEWORKER, { assigneeId: 'cw9', claimedByProviderId: 'p2' });
    expect(allowedActions(caseworker, heldByAnother)).toEqual([]);
  });

  it('takes or returns a sent referral of her provider only', () => {
    expect(allowedActions(colleague, referral(ReferralStatus.SENT))).toEqual(['referral.assign', 'referral.return']);
    expect(allowedActions(otherProvider, referral(ReferralStatus.SENT))).toEqual([]);
  });

  it('keeps the delivery steps to the caseworker it is assigned to', () => {
    const booked = referral(ReferralStatus.ASSIGNED, { assignedCaseworkerId: 'cw1' });
    expect(allowedActions(caseworker, booked)).toEqual(['referral.book-assessment', 'referral.return']);
    expect(allowedActions(colleague, booked)).toEqual(['referral.return']);
    expect(refusal(colleague, 'referral.book-assessment', booked)).toBe(
      'Only the caseworker the referral is assigned to can do this',
    );
  });

  it('never sends, withdraws or approves, and plans no release day', () => {
    expect(refusal(caseworker, 'referral.withdraw', referral(ReferralStatus.SENT))).toMatch(/sends or withdraws/);
    expect(roleRefusal(caseworker.role, 'referral.approve-action-plan')).not.toBeNull();
    expect(allowedActions(caseworker, herRecord(null))).toEqual([]);
  });
});

for (const role of [Role.GOVERNOR, Role.REGIONAL_MANAGER]) {
  describe(`the ${role}`, () => {
    const overseer = user(role);

    it('oversees tasks without claiming or changing them', () => {
      expect(allowedActions(overseer, openTask(Role.PRE_RELEASE_TEAM))).toEqual([]);
      expect(allowedActions(overseer, openTask(Role.POM, { assigneeId: 'someone' }))).toEqual([]);
      expect(refusal(overseer, 'task.claim', openTask(role))).toBe(`The ${role} role does not claim casework`);
      expect(refusal(overseer, 'task.update-status', openTask(Role.POM))).toBe(
        'Governors and regional managers oversee tasks but do not change them',
      );
    });

    it('acknowledges the alerts she sees, and changes no casework', () => {
      expect(allowedActions(overseer, unacknowledged)).toEqual(['alert.acknowledge']);
      expect(allowedActions(overseer, { kind: 'alert', acknowledged: true })).toEqual([]);
      expect(allowedActions(overseer, referral(ReferralStatus.ACTION_PLAN_SUBMITTED))).toEqual([]);
      expect(allowedActions(overseer, herRecord(null))).toEqual([]);
      for (const action of ['assessment.record', 'finance.record', 'woman.update', 'movement.record'] as const) {
        expect(roleRefusal(overseer.role, action)).not.toBeNull();
      }
    });
  });
}

describe('the administrator', () => {
  const admin = user(Role.ADMIN);

  it('works and releases any task but claims none', () => {
    expect(allowedActions(admin, openTask(Role.POM))).toEqual(['task.update-status', 'task.add-note']);
    expect(allowedActions(admin, openTask(Role.POM, { assigneeId: 'someone' }))).toEqual([
      'task.release',
      'task.update-status',
      'task.add-note',
    ]);
  });

  it('stands in for the COM and the assigned caseworker, but does not take a provider’s referral', () => {
    expect(allowedActions(admin, referral(ReferralStatus.SENT))).toEqual(['referral.withdraw']);
    expect(allowedActions(admin, referral(ReferralStatus.IN_DELIVERY, { assignedCaseworkerId: 'cw1' }))).toEqual([
      'referral.end',
      'referral.withdraw',
    ]);
  });

  it('alone keeps the reference data, the catalogue, the travel times and the users', () => {
    for (const action of ['provider.manage', 'catalogue.edit', 'travel-times.replace', 'user.manage'] as const) {
      expect(ROLES.filter((role) => roleRefusal(role, action) === null)).toEqual([Role.ADMIN]);
    }
  });
});
