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
