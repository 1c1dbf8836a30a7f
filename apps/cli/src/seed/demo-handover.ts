/**
 * A few Styal women serving longer sentences, so the demo board shows the POM to COM handover both ways. Every
 * other demo release is within six months, and a standard determinate handover falls 8 months and 14 days before
 * the CRD (handover.ts), so every other woman without a COM is past her COM allocated date; these three are not
 * yet (one inside HMPPS's 8-week upcoming window, two beyond it), and the last of them already has her COM.
 */
import { CustodyStatus, IsoDate, ReleaseType, addCalendarDays, effectiveReleaseDate } from '@app/domain';
import { DemoWoman } from './demo-women';

/** Days from today to the CRDs: COM allocated dates about 6, 10 and 15 weeks ahead. */
export const LONG_SENTENCE_CRD_DAYS: readonly number[] = [300, 330, 365];

/** Moves the CRDs of three Styal women out (two without a COM, one with); returns them. */
export function lengthenSentencesForHandover(women: DemoWoman[], today: IsoDate): DemoWoman[] {
  const candidates = women.filter(
    (w) =>
      w.prisonCode === 'STI' &&
      w.custodyStatus === CustodyStatus.SENTENCED &&
      w.releaseType === ReleaseType.LICENCE &&
      w.hdcActualDate === null &&
      w.confirmedReleaseDate === null,
  );
  const chosen = [
    ...candidates.filter((w) => w.comUsername === null).slice(0, 2),
    ...candidates.filter((w) => w.comUsername !== null).slice(0, 1),
  ];
  chosen.forEach((woman, i) => {
    woman.conditionalReleaseDate = addCalendarDays(today, LONG_SENTENCE_CRD_DAYS[i] ?? 365);
    woman.hdcEligibilityDate = null;
    const release = effectiveReleaseDate(woman);
    woman.releaseDate = release?.date ?? null;
    woman.releaseDateSource = release?.source ?? null;
  });
  return chosen;
}
