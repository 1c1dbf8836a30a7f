/** Her stored release columns from effectiveReleaseDate: the walk-out day tasks count from, and how it was reached. */
import { WomanEntity } from '@app/database';
import { DayOfReleaseRule, effectiveReleaseDate, RELEASED_PRISON_CODE } from '@app/domain';

export function applyEffectiveReleaseDate(woman: WomanEntity): void {
  const release = effectiveReleaseDate(woman);
  woman.releaseDateSource = release?.source ?? null;
  if (isReleased(woman)) {
    // The day she left is a fact, not a schedule: no day-of-release rule moves it, whatever is edited later.
    woman.releaseDate = woman.releasedOn;
    woman.scheduledReleaseDate = woman.releasedOn;
    woman.releaseDayRule = DayOfReleaseRule.NOT_MOVED;
    return;
  }
  woman.releaseDate = release?.date ?? null;
  woman.scheduledReleaseDate = release?.scheduledDate ?? null;
  woman.releaseDayRule = release?.releaseDayRule ?? null;
}

export function isReleased(woman: WomanEntity): woman is WomanEntity & { releasedOn: string } {
  return woman.prisonCode === RELEASED_PRISON_CODE && woman.releasedOn !== null;
}
