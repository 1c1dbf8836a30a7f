/**
 * Where a woman lives after release (recommendation 8): recorded on the night of release and 12 weeks on.
 * The inspection found no data beyond the first night; these are the categories the reports count (the enums
 * themselves are the contract, @app/contracts).
 */
import { AccommodationCheckpoint, AccommodationType, AccommodationOutcomeCategory } from '@app/contracts';
export { AccommodationCheckpoint, AccommodationType, AccommodationOutcomeCategory } from '@app/contracts';

export const ACCOMMODATION_CHECKPOINTS: readonly AccommodationCheckpoint[] = Object.values(AccommodationCheckpoint);

export const ACCOMMODATION_TYPES: readonly AccommodationType[] = Object.values(AccommodationType);

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
