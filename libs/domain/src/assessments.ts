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
 * The immediate needs assessment at reception is due within five working days of her arrival. HM Inspectorate of
 * Prisons expects immediate needs to be addressed on arrival ("Expectations", early days in custody), and HMPPS
 * screens resettlement needs in the first days with the Basic Custody Screening Tool; the five working days are
 * Resettle's reading of that practice (the Transforming Rehabilitation contracts gave BCST part 2 five working
 * days), not a figure checked against a current HMPPS policy framework.
 */
export const IMMEDIATE_NEEDS_ASSESSMENT_WORKING_DAYS = 5;
