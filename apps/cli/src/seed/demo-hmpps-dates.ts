/**
 * The demo women's further HMPPS sentence dates, worked out from the dates the generator already drew so the
 * random sequence (and so every other demo fact) is unchanged: a recalled woman's post-recall release date
 * (PRRD), some with an override set by the prison's calculation; SLED, SED, TUSED, an NPD and a CRD override
 * for sentenced women. Pure: the same dates and prison number give the same result.
 *
 * Sources: the date names are those of ministryofjustice/prison-api SentenceCalcDates; a standard determinate
 * sentence is served half in custody and half on licence (Criminal Justice Act 2003 s.244), so the SLED is as
 * far after the CRD as the CRD is after the sentence start; top-up supervision runs to 12 months after release
 * (s.256AA); a long-term prisoner under the Criminal Justice Act 1991 is released at the non-parole date (s.35);
 * a fixed-term recall lasts 28 days from her return to custody (Criminal Justice Act 2003 s.255B).
 */
import { addCalendarDays, CustodyStatus, daysBetween, IsoDate, ReleaseType } from '@app/domain';

export interface DemoHmppsDates {
  conditionalReleaseOverrideDate: IsoDate | null;
  nonParoleDate: IsoDate | null;
  postRecallReleaseDate: IsoDate | null;
  postRecallReleaseOverrideDate: IsoDate | null;
  sentenceExpiryDate: IsoDate | null;
  sentenceAndLicenceExpiryDate: IsoDate | null;
  topupSupervisionExpiryDate: IsoDate | null;
  /** Which date is her release date and why (effectiveReleaseDate's reason). */
  releaseDateReason: string | null;
}

interface DrawnDates {
  custodyStatus: CustodyStatus;
  sentenceStartDate: IsoDate | null;
  receptionDate: IsoDate;
  conditionalReleaseDate: IsoDate | null;
  hdcEligibilityDate: IsoDate | null;
  hdcActualDate: IsoDate | null;
  confirmedReleaseDate: IsoDate | null;
  releaseType: ReleaseType | null;
}

/** Keeps every demo release date within the six months the board shows. */
const LATEST_RELEASE_DAYS = 182;
/** Days the prison's calculation moves a date by in the demo (additional days awarded, say). */
const OVERRIDE_SHIFT_DAYS = 7;
const TOP_UP_SUPERVISION_DAYS = 364;

/** A stable number from her prison number, to pick a few women for each case without drawing at random. */
function keyOf(prisonNumber: string): number {
  return [...prisonNumber].reduce((sum, c, i) => sum + c.charCodeAt(0) * (i + 1), 0);
}

const NO_DATES = {
  conditionalReleaseOverrideDate: null,
  nonParoleDate: null,
  postRecallReleaseDate: null,
  postRecallReleaseOverrideDate: null,
  sentenceExpiryDate: null,
  sentenceAndLicenceExpiryDate: null,
  topupSupervisionExpiryDate: null,
};

type Dated<T> = Omit<T, 'releaseDateReason'> & Omit<DemoHmppsDates, 'releaseDateReason'>;

/** Her drawn dates with the HMPPS dates added (and, when recalled, her next release held as a PRRD). */
export function withHmppsDates<T extends DrawnDates>(prisonNumber: string, today: IsoDate, drawn: T): Dated<T> {
  const key = keyOf(prisonNumber);
  const shiftFits = (date: IsoDate) => daysBetween(today, date) + OVERRIDE_SHIFT_DAYS <= LATEST_RELEASE_DAYS;

  if (drawn.custodyStatus === CustodyStatus.RECALLED) {
    // The generator's next release date for her is a post-recall release date, not a CRD or a confirmed date.
    const prrd = drawn.conditionalReleaseDate ?? drawn.confirmedReleaseDate;
    if (!prrd) return { ...drawn, ...NO_DATES };
    const override = key % 3 === 0 && shiftFits(prrd) ? addCalendarDays(prrd, OVERRIDE_SHIFT_DAYS) : null;
    return {
      ...drawn,
      ...NO_DATES,
      conditionalReleaseDate: null,
      confirmedReleaseDate: null,
      postRecallReleaseDate: prrd,
      postRecallReleaseOverrideDate: override,
      sentenceAndLicenceExpiryDate: addCalendarDays(prrd, 90 + (key % 300)),
    };
  }

  const crd = drawn.conditionalReleaseDate;
  if (drawn.custodyStatus !== CustodyStatus.SENTENCED || !crd || !drawn.sentenceStartDate) {
    return { ...drawn, ...NO_DATES };
  }
  const custodialDays = daysBetween(drawn.sentenceStartDate, crd);
  const expiry = addCalendarDays(crd, Math.max(custodialDays, OVERRIDE_SHIFT_DAYS));
  const dated: Dated<T> = { ...drawn, ...NO_DATES };
  if (drawn.releaseType === ReleaseType.SENTENCE_END_NO_SUPERVISION) {
    dated.sentenceExpiryDate = expiry;
  } else {
    dated.sentenceAndLicenceExpiryDate = expiry;
  }
  const topUpEnd = addCalendarDays(crd, TOP_UP_SUPERVISION_DAYS);
  if (drawn.releaseType === ReleaseType.POST_SENTENCE_SUPERVISION && daysBetween(expiry, topUpEnd) > 0) {
    dated.topupSupervisionExpiryDate = topUpEnd;
  }
  const decided = drawn.confirmedReleaseDate !== null || drawn.hdcActualDate !== null;
  if (!decided && drawn.releaseType === ReleaseType.LICENCE) {
    if (key % 7 === 0 && custodialDays >= 400 && drawn.hdcEligibilityDate === null) {
      // A long-term prisoner under the 1991 Act: her release date is her non-parole date.
      dated.nonParoleDate = crd;
      dated.conditionalReleaseDate = null;
    } else if (key % 11 === 0 && shiftFits(crd)) {
      dated.conditionalReleaseOverrideDate = addCalendarDays(crd, OVERRIDE_SHIFT_DAYS);
    }
  }
  return dated;
}
