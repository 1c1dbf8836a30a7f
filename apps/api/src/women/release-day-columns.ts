/** Her stored release columns from effectiveReleaseDate: the walk-out day tasks count from, and how it was reached. */
import { WomanEntity } from '@app/database';
import { effectiveReleaseDate } from '@app/domain';

export function applyEffectiveReleaseDate(woman: WomanEntity): void {
  const release = effectiveReleaseDate(woman);
  woman.releaseDate = release?.date ?? null;
  woman.releaseDateSource = release?.source ?? null;
  woman.scheduledReleaseDate = release?.scheduledDate ?? null;
  woman.releaseDayRule = release?.releaseDayRule ?? null;
}
