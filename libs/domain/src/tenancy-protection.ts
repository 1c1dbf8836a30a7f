/**
 * How long her rent can still be paid while she is in custody, so that the tenancy task at reception can tell
 * her team by when the council or DWP must hear, and whether her home can be kept at all or should be given up
 * properly (ending it cleanly avoids arrears that follow her and bar her from rehousing).
 * - Housing Benefit (Housing Benefit Regulations 2006 reg.7): a sentenced prisoner is treated as occupying her
 *   home for up to 13 weeks of absence, and only if the absence is unlikely to exceed 13 weeks (reg.7(13)); a
 *   woman on remand (detained pending trial) for up to 52 weeks (reg.7(16)(c)(i) and (17)). Weeks count from
 *   when she left home, which is her reception.
 * - Universal Credit housing costs (Universal Credit Regulations 2013 reg.19(2),(3); Sch.3 para.9): a prisoner
 *   (remand included) who had the housing costs element just before custody keeps it for up to 6 months, if she
 *   has not been sentenced to a term expected to run beyond those 6 months.
 */
import { addCalendarDays, daysBetween } from './calendar';
import { IsoDate } from './task-template';
import { CustodyStatus } from './woman';

export const HOUSING_BENEFIT_ABSENCE_WEEKS_SENTENCED = 13;
export const HOUSING_BENEFIT_ABSENCE_WEEKS_REMAND = 52;
export const UNIVERSAL_CREDIT_HOUSING_COSTS_MONTHS_IN_CUSTODY = 6;

/** Working days from reception to tell the council or DWP and decide about the tenancy. */
export const TENANCY_PROTECTION_WORKING_DAYS = 3;

export interface HousingCostsFacts {
  custodyStatus: CustodyStatus;
  receptionDate: IsoDate;
  /** Her expected release date; null when unknown (usual on remand). */
  releaseDate: IsoDate | null;
}

export interface HousingCostsInCustody {
  /** The first day Housing Benefit no longer covers her absence; null when it does not cover it at all. */
  housingBenefitEnds: IsoDate | null;
  /** The first day the Universal Credit housing costs element stops; null when it does not continue at all. */
  universalCreditHousingEnds: IsoDate | null;
}

/** Calendar months later, the day clamped to the month's end (31 August + 6 months = 28 or 29 February). */
export function addCalendarMonths(date: IsoDate, months: number): IsoDate {
  const [year, month, day] = date.split('-').map(Number);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth, 0)).getUTCDate();
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${targetYear}-${pad(targetMonth)}-${pad(Math.min(day, lastDay))}`;
}

/** The release date falls after the cover ends: the absence is expected to outlast it. */
function outlasts(releaseDate: IsoDate | null, ends: IsoDate): boolean {
  return releaseDate !== null && daysBetween(ends, releaseDate) > 0;
}

export function housingCostsInCustody(facts: HousingCostsFacts): HousingCostsInCustody {
  const onRemand = facts.custodyStatus === CustodyStatus.REMANDED;
  const weeks = onRemand ? HOUSING_BENEFIT_ABSENCE_WEEKS_REMAND : HOUSING_BENEFIT_ABSENCE_WEEKS_SENTENCED;
  const hbEnds = addCalendarDays(facts.receptionDate, weeks * 7);
  const ucEnds = addCalendarMonths(facts.receptionDate, UNIVERSAL_CREDIT_HOUSING_COSTS_MONTHS_IN_CUSTODY);
  return {
    housingBenefitEnds: outlasts(facts.releaseDate, hbEnds) ? null : hbEnds,
    // On remand she has no sentence, so the 6 months run whatever her trial brings.
    universalCreditHousingEnds: !onRemand && outlasts(facts.releaseDate, ucEnds) ? null : ucEnds,
  };
}

/** In words for the tenancy task: what continues for her, until when, and what to do. */
export function housingCostsAdvice(facts: HousingCostsFacts): string {
  const { housingBenefitEnds, universalCreditHousingEnds } = housingCostsInCustody(facts);
  const onRemand = facts.custodyStatus === CustodyStatus.REMANDED;
  const hbWeeks = onRemand ? HOUSING_BENEFIT_ABSENCE_WEEKS_REMAND : HOUSING_BENEFIT_ABSENCE_WEEKS_SENTENCED;
  const hb =
    housingBenefitEnds === null
      ? `Housing Benefit stops now: she is expected to be away more than ${hbWeeks} weeks.`
      : `Housing Benefit can keep paying her rent until ${housingBenefitEnds} (${hbWeeks} weeks from reception) if the council is told and she means to return.`;
  const uc =
    universalCreditHousingEnds === null
      ? 'Universal Credit housing costs stop now: her sentence runs beyond 6 months.'
      : `Universal Credit housing costs can continue until ${universalCreditHousingEnds} (6 months) if she had them before custody and DWP is told.`;
  return `${hb} ${uc}`;
}
