/**
 * Recall is the one write that must reach outside the user's scope: a released woman is in no prison's scope,
 * and the prison that receives her back is not the one that let her go. So the receiving prison does not find
 * her by an id (which anybody can copy from a link); it finds her by what reception has in front of it, and
 * every recall records the basis it rested on.
 *
 * The evidence is what HMPPS's own matching calls an ALL_SUPPLIED match: prison number (NOMS number), last
 * name and date of birth, all three agreeing (ministryofjustice/prisoner-offender-search, MatchRequest and
 * MatchService.fullMatch, POST /match-prisoners). Search there tolerates near misses (swapped day and month,
 * partial names); this is authorisation, not search, so only an exact match counts, and a mismatch says
 * nothing about which part was wrong.
 */
import { PRISON_NUMBER_PATTERN } from './woman';

export interface RecallEvidence {
  prisonNumber: string;
  lastName: string;
  /** ISO date, YYYY-MM-DD. */
  dateOfBirth: string;
}

export type RecallEvidencePart = keyof RecallEvidence;

/** What a recall rested on, as its audit entry records it. */
export type RecallBasis =
  /** A prison-offender-events prisoner.received event (reason ADMISSION, a recall movement reason code). */
  | { kind: 'HMPPS_EVENT'; eventId: string }
  /** Reception's evidence, confirmed by the named user of the receiving prison. */
  | { kind: 'RECEPTION_EVIDENCE'; confirmed: RecallEvidencePart[]; confirmedById: string }
  /** She was already in the recorder's scope (an administrator, or a woman recorded in the user's own prison). */
  | { kind: 'IN_SCOPE'; recordedById: string };

export function normalisePrisonNumber(value: string): string {
  return value.trim().toUpperCase();
}

/**
 * Surnames are compared as reception would read them aloud: case, surrounding and repeated spaces, and the
 * typographic apostrophe (O’Brien / O'Brien) do not matter; letters and hyphens do.
 */
export function normaliseSurname(value: string): string {
  return value
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u02BC`]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .toLocaleLowerCase('en-GB');
}

/**
 * The parts of the evidence that do not match her record (empty when all three do). No record at all is a
 * mismatch of the prison number. The caller must not tell the user which parts these are: only the audit
 * trail keeps them.
 */
export function recallEvidenceMismatches(
  record: RecallEvidence | null,
  evidence: RecallEvidence,
): RecallEvidencePart[] {
  const prisonNumber = normalisePrisonNumber(evidence.prisonNumber);
  if (record === null || !PRISON_NUMBER_PATTERN.test(prisonNumber) || record.prisonNumber !== prisonNumber) {
    return ['prisonNumber'];
  }
  const mismatched: RecallEvidencePart[] = [];
  if (normaliseSurname(record.lastName) !== normaliseSurname(evidence.lastName)) mismatched.push('lastName');
  if (record.dateOfBirth !== evidence.dateOfBirth.trim()) mismatched.push('dateOfBirth');
  return mismatched;
}
