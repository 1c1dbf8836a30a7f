/**
 * Who needs a COM allocated and how urgent it is: OMiC (gov.uk) and ministryofjustice/offender-management-
 * allocation-manager (by_com_allocation_overdue; an 8-week upcoming handover window). Dates worked out by hand.
 */
import { ComAllocationFacts, ComAllocationUrgency, comNotAllocated, needsComAllocation } from './com-allocation';
import { accessScopeFor, inComCaseload } from './access-scope';
import { Role } from './roles';
import { WomanWarningCode, womanWarnings } from './woman-warnings';
import { CustodyStatus, ReleaseType } from './woman';

const TODAY = '2026-11-30'; // Monday

function woman(overrides: Partial<ComAllocationFacts>): ComAllocationFacts {
  return {
    custodyStatus: CustodyStatus.SENTENCED,
    sentenceStartDate: '2026-01-05', // Monday
    receptionDate: '2026-01-05', // Monday
    conditionalReleaseDate: '2027-09-30', // Thursday: handover Sat 16 Jan 2027 (- 8 months - 14 days)
    automaticReleaseDate: null,
    paroleEligibilityDate: null,
    prisonCode: 'STI',
    releaseType: ReleaseType.LICENCE,
    comId: null,
    ...overrides,
  };
}

describe('needsComAllocation', () => {
  it('a sentenced or recalled woman in custody with no COM', () => {
    expect(needsComAllocation(woman({}))).toBe(true);
    expect(needsComAllocation(woman({ custodyStatus: CustodyStatus.RECALLED }))).toBe(true);
  });
  it('not once she has a COM, on remand, released, or released at sentence end without supervision', () => {
    expect(needsComAllocation(woman({ comId: 'c0m' }))).toBe(false);
    expect(needsComAllocation(woman({ custodyStatus: CustodyStatus.REMANDED }))).toBe(false);
    expect(needsComAllocation(woman({ prisonCode: 'OUT' }))).toBe(false);
    expect(needsComAllocation(woman({ releaseType: ReleaseType.SENTENCE_END_NO_SUPERVISION }))).toBe(false);
  });
});

describe('comNotAllocated: the warning and its deadline', () => {
  it('within 8 weeks: UPCOMING, due by the handover date', () => {
    // Sat 16 Jan 2027 is 47 days after Mon 30 Nov 2026: within 8 weeks (56 days).
    const warning = comNotAllocated(woman({}), TODAY);
    expect(warning?.comAllocatedDate).toBe('2027-01-16');
    expect(warning?.urgency).toBe(ComAllocationUrgency.UPCOMING);
    expect(warning?.message).toContain('2027-01-16');
  });
  it('more than 8 weeks ahead is LATER', () => {
    // CRD Mon 15 Nov 2027 - 8 months = Mon 15 Mar 2027; - 14 days = Mon 1 Mar 2027: 91 days after Mon 30 Nov 2026.
    const warning = comNotAllocated(woman({ conditionalReleaseDate: '2027-11-15' }), TODAY);
    expect(warning?.comAllocatedDate).toBe('2027-03-01');
    expect(warning?.urgency).toBe(ComAllocationUrgency.LATER);
  });
  it('past the COM allocated date: overdue, and the message says to raise it with the delivery unit', () => {
    const warning = comNotAllocated(woman({}), '2027-01-16'); // Saturday: the handover day itself
    expect(warning?.urgency).toBe(ComAllocationUrgency.OVERDUE);
    expect(warning?.message).toContain('probation delivery unit');
  });
  it('no release date yet: a warning without a deadline', () => {
    const warning = comNotAllocated(woman({ conditionalReleaseDate: null }), TODAY);
    expect(warning).toEqual(expect.objectContaining({ comAllocatedDate: null, urgency: ComAllocationUrgency.UNKNOWN }));
  });
  it('none once a COM is allocated', () => {
    expect(comNotAllocated(woman({ comId: 'c0m' }), TODAY)).toBeNull();
  });
});

describe('womanWarnings: the card says when she has no COM, with its deadline', () => {
  it('COM_NOT_ALLOCATED with the COM allocated date, overdue once it has passed', () => {
    const facts = { ...woman({}), releaseDate: '2027-09-30', hasNationalInsuranceNumber: true, sensitiveFlags: [] };
    // Handover Sat 16 Jan 2027; on Mon 30 Nov 2026 it is ahead, on Mon 25 Jan 2027 it has passed.
    expect(womanWarnings(facts, TODAY).find((w) => w.code === WomanWarningCode.COM_NOT_ALLOCATED)).toEqual(
      expect.objectContaining({ dueDate: '2027-01-16', overdue: false }),
    );
    expect(womanWarnings(facts, '2027-01-25').find((w) => w.code === WomanWarningCode.COM_NOT_ALLOCATED)).toEqual(
      expect.objectContaining({ dueDate: '2027-01-16', overdue: true }),
    );
    expect(womanWarnings({ ...facts, comId: 'c0m' }, TODAY).map((w) => w.code)).not.toContain(
      WomanWarningCode.COM_NOT_ALLOCATED,
    );
  });
});

describe('a COM team manager’s scope (the probation delivery unit’s manager allocates COMs)', () => {
  const manager = { id: 'm1', role: Role.COM, prisonCodes: [], providerId: null, teamKey: 'CHESHIRE', isManager: true };
  it('adds the women of her area who have no COM to her own caseload', () => {
    const scope = accessScopeFor(manager);
    expect(scope).toEqual({ kind: 'COM_CASELOAD', comUserId: 'm1', unallocatedInArea: 'CHESHIRE' });
    if (scope.kind !== 'COM_CASELOAD') throw new Error('not a caseload');
    expect(inComCaseload(scope, { comId: null, releaseAreaCode: 'CHESHIRE' })).toBe(true);
    expect(inComCaseload(scope, { comId: 'm1', releaseAreaCode: 'KENT' })).toBe(true);
    expect(inComCaseload(scope, { comId: 'other', releaseAreaCode: 'CHESHIRE' })).toBe(false);
    expect(inComCaseload(scope, { comId: null, releaseAreaCode: 'KENT' })).toBe(false);
  });
  it('but a COM who is not a manager sees only her own women', () => {
    const scope = accessScopeFor({ ...manager, isManager: false });
    expect(scope).toEqual({ kind: 'COM_CASELOAD', comUserId: 'm1' });
    if (scope.kind !== 'COM_CASELOAD') throw new Error('not a caseload');
    expect(inComCaseload(scope, { comId: null, releaseAreaCode: 'CHESHIRE' })).toBe(false);
  });
});
