/**
 * The demo seed exercises issue 13 point 2: recalled women released on their post-recall release date (some on
 * an override set by the prison's calculation), women with an NPD, SLED, SED or TUSED, and CRD overrides; the
 * precedence is ministryofjustice/prison-api's (see libs/domain/src/release-date-precedence.ts).
 */
import { CustodyStatus, ReleaseDateSource, effectiveReleaseDate } from '@app/domain';
import { buildDemoBoard } from './demo-board';

// An ordinary Sunday and the Thursday before Easter 2027.
describe.each(['2026-11-22', '2027-03-25'])('the demo HMPPS dates on %s', (today) => {
  const women = buildDemoBoard(today).women;
  const recalled = women.filter((w) => w.custodyStatus === CustodyStatus.RECALLED);

  it('releases every recalled woman on her PRRD, never on a CRD, and overrides some PRRDs', () => {
    expect(recalled.length).toBeGreaterThan(20);
    for (const woman of recalled) {
      expect([woman.prisonNumber, woman.conditionalReleaseDate, woman.releaseDateSource]).toEqual([
        woman.prisonNumber,
        null,
        ReleaseDateSource.PRRD,
      ]);
      expect(woman.postRecallReleaseDate).not.toBeNull();
    }
    const overridden = recalled.filter((w) => w.postRecallReleaseOverrideDate !== null);
    expect(overridden.length).toBeGreaterThan(3);
    for (const woman of overridden) {
      expect(effectiveReleaseDate(woman)?.scheduledDate).toBe(woman.postRecallReleaseOverrideDate);
      expect(woman.releaseDateReason).toMatch(/^Post-recall release date \(PRRD, override set by the prison's/);
    }
  });

  it('gives sentenced women SLEDs or SEDs, some TUSEDs, an NPD or two and CRD overrides that win', () => {
    const sentenced = women.filter((w) => w.custodyStatus === CustodyStatus.SENTENCED);
    expect(sentenced.every((w) => (w.sentenceAndLicenceExpiryDate ?? w.sentenceExpiryDate) !== null)).toBe(true);
    expect(sentenced.filter((w) => w.sentenceExpiryDate !== null).length).toBeGreaterThan(0);
    expect(sentenced.filter((w) => w.topupSupervisionExpiryDate !== null).length).toBeGreaterThan(0);
    const npd = sentenced.filter((w) => w.nonParoleDate !== null);
    expect(npd.length).toBeGreaterThan(0);
    for (const woman of npd) expect(woman.releaseDateSource).toBe(ReleaseDateSource.NPD);
    const crdOverrides = sentenced.filter((w) => w.conditionalReleaseOverrideDate !== null);
    expect(crdOverrides.length).toBeGreaterThan(0);
    for (const woman of crdOverrides) {
      expect(effectiveReleaseDate(woman)?.scheduledDate).toBe(woman.conditionalReleaseOverrideDate);
    }
  });

  it('records why each release date is the one it is', () => {
    for (const woman of women) {
      expect([woman.prisonNumber, woman.releaseDateReason === null]).toEqual([
        woman.prisonNumber,
        woman.releaseDate === null,
      ]);
    }
  });
});
