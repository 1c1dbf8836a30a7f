/** The facts about a woman in custody that the resettlement rules read (enums: @app/contracts). */
import { SensitiveFlag } from '@app/contracts';
export { CustodyStatus, ReleaseType, Complexity, SensitiveFlag } from '@app/contracts';

export const SENSITIVE_FLAGS: readonly SensitiveFlag[] = Object.values(SensitiveFlag);

/** HMPPS prison numbers: one letter, four digits, two letters (A1234BC). */
export const PRISON_NUMBER_PATTERN = /^[A-Z][0-9]{4}[A-Z]{2}$/;
