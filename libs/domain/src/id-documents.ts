/**
 * ID document applications (recommendation 10): the documents a woman may need, what each usually costs,
 * how long each issuer takes, and by when an application must go in to arrive before she is released.
 */
import { addCalendarDays, addWorkingDays, daysBetween, lastWorkingDayOnOrBefore } from './calendar';
import { IsoDate } from './task-template';
import { IdDocumentType, IdApplicationStatus } from '@app/contracts';
import type { IdDocumentIssuer, IdDocumentTiming } from '@app/contracts';
export type { IdDocumentIssuer, IdDocumentTiming } from '@app/contracts';
export { IdDocumentType, IdApplicationStatus } from '@app/contracts';

export const ID_DOCUMENT_TYPES: readonly IdDocumentType[] = Object.values(IdDocumentType);

/**
 * Documents nobody can apply for any more. Biometric residence permits expired on 31 December 2024: foreign
 * nationals now prove their status with an eVisa through a UKVI account (gov.uk "Biometric residence permits
 * (BRPs)" and "Get access to your eVisa"). Old applications stay readable; new ones are refused.
 */
export const RETIRED_ID_DOCUMENT_TYPES: Readonly<Partial<Record<IdDocumentType, string>>> = {
  [IdDocumentType.BIOMETRIC_RESIDENCE_PERMIT]:
    'Biometric residence permits expired on 31 December 2024 and are no longer issued: apply for EVISA_ACCESS instead',
};

/** The documents a new application may be made for. */
export const OPEN_ID_DOCUMENT_TYPES: readonly IdDocumentType[] = ID_DOCUMENT_TYPES.filter(
  (type) => RETIRED_ID_DOCUMENT_TYPES[type] === undefined,
);

export const ID_APPLICATION_STATUSES: readonly IdApplicationStatus[] = Object.values(IdApplicationStatus);

/**
 * Typical fees and turnaround, by post to a prison. Conservative on purpose: a late document is worse than
 * an early application.
 */
export const ID_DOCUMENT_ISSUERS: Readonly<Record<IdDocumentType, IdDocumentIssuer>> = {
  [IdDocumentType.BIRTH_CERTIFICATE]: {
    label: 'Birth certificate',
    issuer: 'General Register Office',
    typicalCostPence: 1250,
    leadTimeDays: 21,
  },
  [IdDocumentType.MARRIAGE_CERTIFICATE]: {
    label: 'Marriage certificate',
    issuer: 'General Register Office',
    typicalCostPence: 1250,
    leadTimeDays: 21,
  },
  [IdDocumentType.CIVIL_PARTNERSHIP_CERTIFICATE]: {
    label: 'Civil partnership certificate',
    issuer: 'General Register Office',
    typicalCostPence: 1250,
    leadTimeDays: 21,
  },
  [IdDocumentType.ADOPTION_CERTIFICATE]: {
    label: 'Adoption certificate',
    issuer: 'General Register Office',
    typicalCostPence: 1250,
    leadTimeDays: 21,
  },
  [IdDocumentType.DECREE_ABSOLUTE]: {
    label: 'Decree absolute (final order)',
    issuer: 'HM Courts and Tribunals Service',
    typicalCostPence: 1100,
    leadTimeDays: 28,
  },
  [IdDocumentType.DRIVING_LICENCE]: {
    label: 'Driving licence',
    issuer: 'DVLA',
    typicalCostPence: 1700,
    leadTimeDays: 21,
  },
  // Retired (see RETIRED_ID_DOCUMENT_TYPES): kept for the applications made before 2025.
  [IdDocumentType.BIOMETRIC_RESIDENCE_PERMIT]: {
    label: 'Biometric residence permit (replacement)',
    issuer: 'Home Office',
    typicalCostPence: 1920,
    leadTimeDays: 56,
  },
  [IdDocumentType.DEED_POLL]: {
    label: 'Deed poll (enrolled)',
    issuer: 'Royal Courts of Justice',
    typicalCostPence: 4200,
    leadTimeDays: 42,
  },
  // gov.uk "Get your National Insurance number" (form CA5403): "It can take up to 15 days to get your National
  // Insurance number by post."
  [IdDocumentType.NATIONAL_INSURANCE_NUMBER_LETTER]: {
    label: 'National Insurance number letter (HMRC, form CA5403)',
    issuer: 'HM Revenue and Customs',
    typicalCostPence: 0,
    leadTimeDays: 15,
  },
  // gov.uk "Apply for a National Insurance number": DWP allocates a first number after checking her identity,
  // which may need an evidence of identity interview. gov.uk publishes no turnaround; eight weeks is the
  // conservative allowance the inspection's "weeks" suggested, kept from the old single NI rule.
  [IdDocumentType.NEW_NATIONAL_INSURANCE_NUMBER]: {
    label: 'New National Insurance number (DWP)',
    issuer: 'the Department for Work and Pensions',
    typicalCostPence: 0,
    leadTimeDays: 56,
  },
  // gov.uk "Get access to your eVisa": creating a UKVI account and seeing the eVisa is free. She needs her
  // passport (or expired BRP) and an email address and phone she can use again, which a woman in prison lacks,
  // so staff work through the UKVI Resolution Centre; UKVI publishes no turnaround and four weeks is our
  // allowance. A share code (gov.uk "Prove your immigration status") lasts 90 days, so make it near release.
  [IdDocumentType.EVISA_ACCESS]: {
    label: 'eVisa access (UKVI account, linked, share code)',
    issuer: 'UK Visas and Immigration',
    typicalCostPence: 0,
    leadTimeDays: 28,
  },
};

/** Time to chase a late document or try another route before the gate. */
export const ID_DOCUMENT_SAFETY_MARGIN_WORKING_DAYS = 5;

/** When a document applied for on `appliedOn` should arrive (a working day: post is not delivered at weekends). */
export function expectedArrival(type: IdDocumentType, appliedOn: IsoDate): IsoDate {
  return lastWorkingDayOnOrBefore(addCalendarDays(appliedOn, ID_DOCUMENT_ISSUERS[type].leadTimeDays));
}

/** The last day to apply so it arrives with the safety margin to spare before release. */
export function latestApplicationDate(type: IdDocumentType, releaseDate: IsoDate): IsoDate {
  const arriveBy = addWorkingDays(releaseDate, -ID_DOCUMENT_SAFETY_MARGIN_WORKING_DAYS);
  return lastWorkingDayOnOrBefore(addCalendarDays(arriveBy, -ID_DOCUMENT_ISSUERS[type].leadTimeDays));
}

export function idDocumentTiming(type: IdDocumentType, releaseDate: IsoDate | null, today: IsoDate): IdDocumentTiming {
  if (releaseDate === null) return { applyBy: null, feasibleBeforeRelease: null, warning: null };
  const applyBy = latestApplicationDate(type, releaseDate);
  const feasible = daysBetween(today, applyBy) >= 0;
  const { label, issuer, leadTimeDays } = ID_DOCUMENT_ISSUERS[type];
  return {
    applyBy,
    feasibleBeforeRelease: feasible,
    warning: feasible
      ? null
      : `${label}: ${issuer} takes about ${Math.round(leadTimeDays / 7)} weeks and she is released on ${releaseDate}; ` +
        'it will not arrive in time by the normal route. Plan for it to follow her to her release address.',
  };
}

export function idApplicationTransitionProblem(from: IdApplicationStatus, to: IdApplicationStatus): string | null {
  if (from === IdApplicationStatus.APPLIED && to !== IdApplicationStatus.APPLIED) return null;
  return from === IdApplicationStatus.APPLIED
    ? 'The application is already APPLIED'
    : `An application that is ${from} is final; start a new application instead`;
}
