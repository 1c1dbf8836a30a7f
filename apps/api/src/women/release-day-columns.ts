/** Her stored release columns from effectiveReleaseDate: the walk-out day tasks count from, and how it was reached. */
import { WomanEntity } from '@app/database';
import { DayOfReleaseRule, RELEASED_PRISON_CODE, RELEASED_REASON, releaseDateRecord } from '@app/domain';

/** Her release columns: which date (and why), and the day she walks out (and which rule moved her). */
export function applyEffectiveReleaseDate(woman: WomanEntity): void {
  Object.assign(woman, releaseDateRecord(woman));
  if (isReleased(woman)) {
    // The day she left is a fact, not a schedule: no day-of-release rule moves it, whatever is edited later.
    woman.releaseDate = woman.releasedOn;
    woman.scheduledReleaseDate = woman.releasedOn;
    woman.releaseDayRule = DayOfReleaseRule.NOT_MOVED;
    woman.releaseDateReason = RELEASED_REASON;
  }
}

/** Released, not in a secure hospital (she is OUT of prison there too, but still serving her sentence). */
export function isReleased(woman: WomanEntity): woman is WomanEntity & { releasedOn: string } {
  return (
    woman.prisonCode === RELEASED_PRISON_CODE && woman.releasedOn !== null && woman.transferredToHospitalOn === null
  );
}
