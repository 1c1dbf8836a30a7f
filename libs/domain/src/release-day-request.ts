/**
 * Who may ask that she go one more working day early. The HMPPS policy framework on the Offenders (Day of Release
 * from Detention) Act 2023 (November 2023) gives that application to her community offender manager, who knows
 * what her resettlement needs; nobody else makes it for her.
 */
import { refusal } from './capabilities';
import { DayOfReleaseRule } from './day-of-release';
import { RELEASED_PRISON_CODE } from './prisons';
import { effectiveReleaseDate, ReleaseDates, ReleaseDayFacts } from './release-date';
import { Role } from './roles';
import { ReleaseDayRequestAction } from '@app/contracts';
export { ReleaseDayRequestAction } from '@app/contracts';

export interface ReleaseDayRequester {
  id: string;
  role: Role;
}

/** Why this user may not make or withdraw the request, or null when she may. */
export function releaseDayRequestRefusal(user: ReleaseDayRequester, woman: { comId: string | null }): string | null {
  return refusal(user, 'release-day.request', { kind: 'woman', comId: woman.comId });
}

/**
 * Her own COM may withdraw a standing request, or make one that would move her (the Friday release rule applies
 * and an eligible day is left within two working days); nothing once she has left.
 */
export function releaseDayRequestActions(
  user: ReleaseDayRequester,
  woman: ReleaseDates & ReleaseDayFacts & { comId: string | null; prisonCode: string },
): ReleaseDayRequestAction[] {
  if (releaseDayRequestRefusal(user, woman) || woman.prisonCode === RELEASED_PRISON_CODE) return [];
  if (woman.releaseDayRequestReason) return [ReleaseDayRequestAction.WITHDRAW];
  const requested = effectiveReleaseDate({ ...woman, releaseDayRequestReason: 'asked' });
  return requested?.releaseDayRule === DayOfReleaseRule.COM_REQUEST ? [ReleaseDayRequestAction.REQUEST] : [];
}
