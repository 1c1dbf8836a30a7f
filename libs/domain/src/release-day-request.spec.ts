import { ReleaseDayRequestAction, releaseDayRequestActions, releaseDayRequestRefusal } from './release-day-request';
import { Role } from './roles';
import { CustodyStatus, ReleaseType } from './woman';

// HMPPS policy framework on the Offenders (Day of Release from Detention) Act 2023 (Nov 2023): her COM applies
// for one more working day; CJA 1961 s.23(3B) bounds it at two working days.
describe('her COM asking for one more working day', () => {
  const com = { id: 'com-1', role: Role.COM };
  const woman = {
    comId: 'com-1',
    prisonCode: 'STI',
    custodyStatus: CustodyStatus.SENTENCED,
    releaseType: ReleaseType.LICENCE,
    sentenceStartDate: '2025-12-01',
    receptionDate: '2025-12-01',
    conditionalReleaseDate: '2026-12-18', // Fri: walks out Thu 17, Wed 16 with the request
    releaseDayRequestReason: null,
  };

  it('is her own COM’s to make: not another COM’s, not the pre-release team’s', () => {
    expect(releaseDayRequestRefusal(com, woman)).toBeNull();
    expect(releaseDayRequestRefusal({ id: 'com-2', role: Role.COM }, woman)).toMatch(/her own/);
    expect(releaseDayRequestRefusal({ id: 'com-1', role: Role.PRE_RELEASE_TEAM }, woman)).toMatch(/Only her/);
  });

  it('is offered on a Friday release (Fri 18 Dec 2026) and withdrawal once made', () => {
    expect(releaseDayRequestActions(com, woman)).toEqual([ReleaseDayRequestAction.REQUEST]);
    expect(releaseDayRequestActions(com, { ...woman, releaseDayRequestReason: 'Housing on Wed' })).toEqual([
      ReleaseDayRequestAction.WITHDRAW,
    ]);
  });

  it('is not offered when it cannot move her: a Wednesday (16 Dec 2026), HDC, another COM, or after release', () => {
    expect(releaseDayRequestActions(com, { ...woman, conditionalReleaseDate: '2026-12-16' })).toEqual([]);
    expect(releaseDayRequestActions(com, { ...woman, releaseType: ReleaseType.HDC })).toEqual([]);
    expect(releaseDayRequestActions({ id: 'com-2', role: Role.COM }, woman)).toEqual([]);
    expect(releaseDayRequestActions(com, { ...woman, prisonCode: 'OUT' })).toEqual([]);
  });
});
