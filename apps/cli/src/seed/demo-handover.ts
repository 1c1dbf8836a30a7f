/**
 * A few Styal women serving longer sentences, so the demo board shows the POM to COM handover both ways. Every
 * other demo release is within six months, and a standard determinate handover falls 8 months and 14 days before
 * the CRD (handover.ts), so every other woman without a COM is past her COM allocated date; these three are not
 * yet (one inside HMPPS's 8-week upcoming window, two beyond it), and the last of them already has her COM.
 */
import { CustodyStatus, IsoDate, ReleaseType, addCalendarDays, daysBetween, releaseDateRecord } from '@app/domain';
import { DemoWoman } from './demo-women';

/** Days from today to the CRDs: COM allocated dates about 6, 10 and 15 weeks ahead. */
export const LONG_SENTENCE_CRD_DAYS: readonly number[] = [300, 330, 365];

const EXPIRY_DATES = ['sentenceExpiryDate', 'sentenceAndLicenceExpiryDate', 'topupSupervisionExpiryDate'] as const;

/** Moves the CRDs of three Styal women out (two without a COM, one with); returns them. */
export function lengthenSentencesForHandover(women: DemoWoman[], today: IsoDate): DemoWoman[] {
  const candidates = women.filter(
    (w) =>
      w.prisonCode === 'STI' &&
      w.custodyStatus === CustodyStatus.SENTENCED &&
      w.releaseType === ReleaseType.LICENCE &&
      w.hdcActualDate === null &&
      w.confirmedReleaseDate === null &&
      // Her CRD must be what decides her release date (no override, NPD or ARD beating it) and no demo day-of-
      // release case may be moved off its Friday.
      w.conditionalReleaseOverrideDate === null &&
      w.nonParoleDate === null &&
      !w.indeterminateSentence &&
      w.releaseDayRequestReason === null,
  );
  const chosen = [
    ...candidates.filter((w) => w.comUsername === null).slice(0, 2),
    ...candidates.filter((w) => w.comUsername !== null).slice(0, 1),
  ];
  chosen.forEach((woman, i) => {
    const crd = addCalendarDays(today, LONG_SENTENCE_CRD_DAYS[i] ?? 365);
    // A longer sentence ends later too: her expiry dates move with the CRD, so they stay after it.
    const moved = daysBetween(woman.conditionalReleaseDate ?? crd, crd);
    for (const field of EXPIRY_DATES) {
      const date = woman[field];
      if (date) woman[field] = addCalendarDays(date, moved);
    }
    woman.conditionalReleaseDate = crd;
    woman.hdcEligibilityDate = null;
    Object.assign(woman, releaseDateRecord(woman));
  });
  return chosen;
}
