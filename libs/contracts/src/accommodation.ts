/**
 * Where a woman lives after release (recommendation 8): recorded on the night of release and 12 weeks on.
 * The inspection found no data beyond the first night; these are the categories the reports count.
 */
export enum AccommodationCheckpoint {
  NIGHT_OF_RELEASE = 'NIGHT_OF_RELEASE',
  WEEK_12 = 'WEEK_12',
}

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

/** How the reports group accommodation at 12 weeks; RECALLED and UNKNOWN come from the records, not a form. */
export enum AccommodationOutcomeCategory {
  SETTLED = 'SETTLED',
  TRANSIENT = 'TRANSIENT',
  HOMELESS = 'HOMELESS',
  RECALLED = 'RECALLED',
  UNKNOWN = 'UNKNOWN',
}
