/**
 * Where a woman lives after release (recommendation 8): recorded on the night of release and 12 weeks on.
 * The inspection found no data beyond the first night; these are the categories the reports count.
 */
export enum AccommodationCheckpoint {
  NIGHT_OF_RELEASE = 'NIGHT_OF_RELEASE',
  WEEK_12 = 'WEEK_12',
}

export const ACCOMMODATION_CHECKPOINTS: readonly AccommodationCheckpoint[] = Object.values(AccommodationCheckpoint);

/** What kind of place she slept or lives in. */
export enum AccommodationType {
  /** Her own tenancy, owner-occupied, or long-term with family: likely to last more than three months. */
  SETTLED = 'SETTLED',
  APPROVED_PREMISES = 'APPROVED_PREMISES',
  CAS2 = 'CAS2',
  CAS3 = 'CAS3',
  /** Hostel, bed and breakfast, sofa surfing: a roof, but not one likely to last. */
  TEMPORARY = 'TEMPORARY',
  NIGHT_SHELTER = 'NIGHT_SHELTER',
  ROUGH_SLEEPING = 'ROUGH_SLEEPING',
}

export const ACCOMMODATION_TYPES: readonly AccommodationType[] = Object.values(AccommodationType);

/** How the reports group accommodation at 12 weeks; RECALLED and UNKNOWN come from the records, not a form. */
export enum AccommodationOutcomeCategory {
  SETTLED = 'SETTLED',
  TRANSIENT = 'TRANSIENT',
  HOMELESS = 'HOMELESS',
  RECALLED = 'RECALLED',
  UNKNOWN = 'UNKNOWN',
}

const CATEGORY_OF_TYPE: Readonly<Record<AccommodationType, AccommodationOutcomeCategory>> = {
  [AccommodationType.SETTLED]: AccommodationOutcomeCategory.SETTLED,
  [AccommodationType.APPROVED_PREMISES]: AccommodationOutcomeCategory.TRANSIENT,
  [AccommodationType.CAS2]: AccommodationOutcomeCategory.TRANSIENT,
  [AccommodationType.CAS3]: AccommodationOutcomeCategory.TRANSIENT,
  [AccommodationType.TEMPORARY]: AccommodationOutcomeCategory.TRANSIENT,
  [AccommodationType.NIGHT_SHELTER]: AccommodationOutcomeCategory.HOMELESS,
  [AccommodationType.ROUGH_SLEEPING]: AccommodationOutcomeCategory.HOMELESS,
};

export function accommodationCategory(type: AccommodationType): AccommodationOutcomeCategory {
  return CATEGORY_OF_TYPE[type];
}

/** Housed on a night: any roof she can stay under, even if it will not last; not a shelter or the street. */
export function isHoused(type: AccommodationType): boolean {
  return (
    CATEGORY_OF_TYPE[type] === AccommodationOutcomeCategory.SETTLED ||
    CATEGORY_OF_TYPE[type] === AccommodationOutcomeCategory.TRANSIENT
  );
}

/** The types that count as housed, for SQL that counts them. */
export const HOUSED_TYPES: readonly AccommodationType[] = ACCOMMODATION_TYPES.filter(isHoused);

/** The catalogue task each checkpoint's record completes. */
export const ACCOMMODATION_CHECKPOINT_TASK_KEYS: Readonly<Record<AccommodationCheckpoint, string>> = {
  [AccommodationCheckpoint.NIGHT_OF_RELEASE]: 'ACCOMMODATION_NIGHT_OF_RELEASE',
  [AccommodationCheckpoint.WEEK_12]: 'ACCOMMODATION_OUTCOME_12_WEEKS',
};

/** The days after release the 12-week checkpoint falls on. */
export const WEEK_12_DAYS_AFTER_RELEASE = 84;
