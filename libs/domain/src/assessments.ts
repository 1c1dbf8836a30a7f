/** Resettlement assessments: on reception, and 12 weeks before release. */
export enum AssessmentKind {
  IMMEDIATE_NEEDS = 'IMMEDIATE_NEEDS',
  PRE_RELEASE = 'PRE_RELEASE',
}

/** How the assessment was done; the inspection criticises assessments done by phone. */
export enum AssessmentMethod {
  FACE_TO_FACE = 'FACE_TO_FACE',
  VIDEO = 'VIDEO',
  PHONE = 'PHONE',
}

/** The pre-release assessment falls due 12 weeks (84 days) before release. */
export const PRE_RELEASE_ASSESSMENT_DAYS_BEFORE_RELEASE = 84;

/**
 * The immediate needs assessment at reception is due within five working days of her arrival (HMPPS reception
 * screening: the resettlement part of the Basic Custody Screening Tool, done in the first days in custody so that
 * a tenancy, a job or children at home can still be protected; HM Inspectorate of Prisons, Expectations for
 * women's prisons, "Early days in custody").
 */
export const IMMEDIATE_NEEDS_ASSESSMENT_WORKING_DAYS = 5;
