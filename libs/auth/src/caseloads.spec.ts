import { caseloadIds } from './caseloads';

describe('caseloads from an HMPPS caseload answer', () => {
  it('reads the Prison API shape (GET /api/users/me/caseLoads)', () => {
    expect(
      caseloadIds([
        { caseLoadId: 'STI', description: 'Styal (HMP)', type: 'INST', currentlyActive: true },
        { caseLoadId: 'nhi', description: 'New Hall (HMP)', type: 'INST', currentlyActive: false },
      ]),
    ).toEqual(['STI', 'NHI']);
  });

  it('reads the NOMIS User Roles / Manage Users API shape (GET /me/caseloads)', () => {
    expect(
      caseloadIds({
        username: 'AMY',
        accountType: 'GENERAL',
        activeCaseload: { id: 'EWI', name: 'East Sutton Park' },
        caseloads: [
          { id: 'EWI', name: 'East Sutton Park' },
          { id: 'STI', name: 'Styal' },
          { id: 'STI', name: 'Styal' },
        ],
      }),
    ).toEqual(['EWI', 'STI']);
  });

  it('gives an empty list for no caseloads, and null for an answer of another shape', () => {
    expect(caseloadIds([])).toEqual([]);
    expect(caseloadIds({ caseloads: [{ name: 'no id' }] })).toEqual([]);
    expect(caseloadIds({ message: 'Unauthorized' })).toBeNull();
    expect(caseloadIds(null)).toBeNull();
    expect(caseloadIds('STI')).toBeNull();
  });
});
