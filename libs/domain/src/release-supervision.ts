/**
 * Who supervises her after release, by release type: it decides whether a community offender manager (COM) and
 * the commissioned rehabilitative services (CRS) follow her out of the gate, or whether her needs fall to the
 * prison's pre-release team and voluntary services.
 */
import { ReleaseType } from './woman';

/**
 * Released on licence (Criminal Justice Act 2003 ss.244, 250), on home detention curfew licence (s.246), on
 * parole licence (s.244ZA, Parole Board direction) and then post-sentence supervision (s.256AA, added by the
 * Offender Rehabilitation Act 2014 s.2) she has a supervisor: her COM. CRS is for people "on Licence /
 * Post-Sentence supervision" (gov.uk, "Judicial Brochure: Commissioned Rehabilitative Services").
 */
export const SUPERVISED_RELEASE_TYPES: readonly ReleaseType[] = [
  ReleaseType.LICENCE,
  ReleaseType.POST_SENTENCE_SUPERVISION,
  ReleaseType.HDC,
  ReleaseType.PAROLE,
];

/**
 * Released at the end of her sentence with no licence or supervision left, nobody supervises her: no COM after
 * release and no CRS (HMI Probation and HMI Prisons, "The quality of work undertaken with women", 2024, 3.4:
 * providers rejected referrals for women leaving on their sentence end date).
 */
export const UNSUPERVISED_RELEASE_TYPES: readonly ReleaseType[] = [ReleaseType.SENTENCE_END_NO_SUPERVISION];

/** Null (not yet known) counts as supervised: almost every determinate sentence since 2015 ends in licence or PSS. */
export function isSupervisedAfterRelease(releaseType: ReleaseType | null): boolean {
  return releaseType === null || SUPERVISED_RELEASE_TYPES.includes(releaseType);
}
