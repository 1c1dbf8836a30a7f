/** What the accommodation outcome endpoints answer with (named for the API document's schemas). */
import type { AccommodationOutcomeEntity, ReleaseEntity } from '@app/database';
import type { AccommodationOutcomeCategory } from '@app/domain';

/** A recorded checkpoint as stored, with what it means: housed or not, and the category the reports count. */
export type AccommodationOutcomeView = Omit<AccommodationOutcomeEntity, 'recordedAt'> & {
  recordedAt: string;
  housed: boolean;
  category: AccommodationOutcomeCategory;
};

export interface AccommodationOutcomesView {
  /** Her latest release; null before she has one. */
  release: ReleaseEntity | null;
  outcomes: AccommodationOutcomeView[];
}
