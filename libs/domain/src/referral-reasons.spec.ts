import {
  codedReasonProblems,
  mergeNeedsAndRequirements,
  needsAndRequirementsProblems,
  reasonCodeLabel,
  ReferralTransferKind,
  referralTransferReason,
  RETURN_REASONS,
  WITHDRAWAL_REASON_CODES,
  WITHDRAWAL_REASONS,
} from './referral-reasons';

describe('withdrawal reason codes', () => {
  it('holds the real service’s thirteen codes, each once, in its five groups', () => {
    expect(WITHDRAWAL_REASON_CODES).toEqual([
      'INE',
      'MIS',
      'NOT',
      'NEE',
      'MOV',
      'WOR',
      'USE',
      'ACQ',
      'RET',
      'SER',
      'SEE',
      'EAR',
      'ANO',
    ]);
    expect(new Set(WITHDRAWAL_REASONS.map((r) => r.group))).toEqual(
      new Set(['PROBLEM', 'USER', 'SENTENCE', 'EARLY', 'OTHER']),
    );
  });

  it('accepts a known code with or without free text', () => {
    expect(codedReasonProblems('WITHDRAW', { reasonCode: 'NOT' })).toEqual([]);
    expect(codedReasonProblems('WITHDRAW', { reasonCode: 'MOV', reason: 'Moved to Leeds' })).toEqual([]);
  });

  it('refuses an unknown or missing code, naming reasonCode and listing the codes', () => {
    for (const reasonCode of ['XYZ', undefined, 'RISK_INFORMATION', 'ine']) {
      const problems = codedReasonProblems('WITHDRAW', { reasonCode, reason: 'Whatever happened' });
      expect(problems).toHaveLength(1);
      expect(problems[0].field).toBe('reasonCode');
      expect(problems[0].message).toContain('INE');
    }
  });

  it('requires free text for "any other change of circumstance"', () => {
    expect(codedReasonProblems('WITHDRAW', { reasonCode: 'ANO' })).toEqual([
      expect.objectContaining({ field: 'reason' }),
    ]);
    expect(codedReasonProblems('WITHDRAW', { reasonCode: 'ANO', reason: '  ' })).toHaveLength(1);
    expect(codedReasonProblems('WITHDRAW', { reasonCode: 'ANO', reason: 'She asked to stop' })).toEqual([]);
  });
});

describe('return reason codes', () => {
  it('takes the return codes, not the withdrawal codes, and needs text for OTHER', () => {
    expect(codedReasonProblems('RETURN', { reasonCode: 'RISK_INFORMATION' })).toEqual([]);
    expect(codedReasonProblems('RETURN', { reasonCode: 'INE' })[0].field).toBe('reasonCode');
    expect(codedReasonProblems('RETURN', { reasonCode: 'OTHER' })[0].field).toBe('reason');
    expect(RETURN_REASONS.filter((r) => r.freeTextRequired).map((r) => r.code)).toEqual(['OTHER']);
  });

  it('labels codes for people and leaves unknown codes as they are', () => {
    expect(reasonCodeLabel('MOV')).toBe('Moved out of service area');
    expect(reasonCodeLabel('DUPLICATE')).toBe('Duplicate of an open referral');
    expect(reasonCodeLabel('ZZZ')).toBe('ZZZ');
    expect(reasonCodeLabel(null)).toBeNull();
  });
});

describe('needs and requirements', () => {
  it('asks for the language when she needs an interpreter, and for when she is unavailable', () => {
    expect(needsAndRequirementsProblems({ needsInterpreter: true, hasAdditionalResponsibilities: true })).toEqual([
      expect.objectContaining({ field: 'needsAndRequirements.interpreterLanguage' }),
      expect.objectContaining({ field: 'needsAndRequirements.whenUnavailable' }),
    ]);
    expect(
      needsAndRequirementsProblems({
        needsInterpreter: true,
        interpreterLanguage: 'Polish',
        hasAdditionalResponsibilities: true,
        whenUnavailable: 'School runs 8:30 to 9:15 and 15:00 to 15:30',
      }),
    ).toEqual([]);
    expect(needsAndRequirementsProblems({ accessibilityNeeds: 'Wheelchair user' })).toEqual([]);
  });

  it('keeps what an edit leaves out, and clears the detail of a question answered no', () => {
    const current = { accessibilityNeeds: 'Step-free access', needsInterpreter: true, interpreterLanguage: 'Polish' };
    expect(mergeNeedsAndRequirements(current, { whenUnavailable: 'Mornings' })).toEqual({
      ...current,
      whenUnavailable: 'Mornings',
    });
    expect(mergeNeedsAndRequirements(current, { needsInterpreter: false })).toEqual({
      accessibilityNeeds: 'Step-free access',
      needsInterpreter: false,
      interpreterLanguage: null,
    });
  });
});

describe('the reason a referral follows her', () => {
  it('says where she moved from and to, with what the mover added', () => {
    expect(referralTransferReason(ReferralTransferKind.PRISON, 'STI', 'LNI')).toBe(
      'She was transferred from STI to LNI',
    );
    expect(referralTransferReason(ReferralTransferKind.RELEASE_AREA, 'A', 'B', ' Moving in with her sister ')).toBe(
      'Her release area changed from A to B: Moving in with her sister',
    );
  });
});
