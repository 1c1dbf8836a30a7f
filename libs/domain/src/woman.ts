/** The facts about a woman in custody that the resettlement rules read. */
export enum CustodyStatus {
  REMANDED = 'REMANDED',
  SENTENCED = 'SENTENCED',
  RECALLED = 'RECALLED',
}

export enum ReleaseType {
  LICENCE = 'LICENCE',
  POST_SENTENCE_SUPERVISION = 'POST_SENTENCE_SUPERVISION',
  SENTENCE_END_NO_SUPERVISION = 'SENTENCE_END_NO_SUPERVISION',
  HDC = 'HDC',
  PAROLE = 'PAROLE',
}

export enum Complexity {
  LOW = 'LOW',
  MEDIUM = 'MEDIUM',
  HIGH = 'HIGH',
}

/** Special category data: shown only to the roles the visibility policy lets see them. */
export enum SensitiveFlag {
  DOMESTIC_ABUSE = 'DOMESTIC_ABUSE',
  SEX_WORK = 'SEX_WORK',
  MENTAL_HEALTH = 'MENTAL_HEALTH',
  DEPENDENT_CHILDREN = 'DEPENDENT_CHILDREN',
  FOREIGN_NATIONAL = 'FOREIGN_NATIONAL',
}

export const SENSITIVE_FLAGS: readonly SensitiveFlag[] = Object.values(SensitiveFlag);

/** HMPPS prison numbers: one letter, four digits, two letters (A1234BC). */
export const PRISON_NUMBER_PATTERN = /^[A-Z][0-9]{4}[A-Z]{2}$/;
