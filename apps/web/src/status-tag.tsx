import { SCHEDULE_LABELS, Schedule } from './format';

/**
 * A schedule state in words, symbol and colour together. `label` prefixes the state ('Accommodation: overdue');
 * `text` replaces its words ('Escalated (level 1)') while keeping its symbol and colour.
 */
export function StatusTag({ state, label, text }: { state: Schedule; label?: string; text?: string }) {
  const { text: stateText, icon } = SCHEDULE_LABELS[state];
  const words = text ?? (label ? `${label}: ${stateText.toLowerCase()}` : stateText);
  return (
    <span className={`tag tag-${state.toLowerCase()}`}>
      <span aria-hidden="true">{icon}</span> {words}
    </span>
  );
}
