import { labelOf, SCHEDULE_ICONS, Schedule, scheduleLabel } from './format';
import { t } from './i18n';

/**
 * A schedule state in words, symbol and colour together. `label` prefixes the state ('Accommodation: overdue');
 * `text` replaces its words ('Escalated (level 1)') while keeping its symbol and colour.
 */
export function StatusTag({ state, label, text }: { state: Schedule; label?: string; text?: string }) {
  const icon = SCHEDULE_ICONS[state];
  const words =
    text ??
    (label ? t('statusTag.labelled', { label, state: labelOf('scheduleInline', state) }) : scheduleLabel(state));
  return (
    <span className={`tag tag-${state.toLowerCase()}`}>
      <span aria-hidden="true">{icon}</span> {words}
    </span>
  );
}
