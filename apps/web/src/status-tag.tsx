import { SCHEDULE_LABELS, Schedule } from './format';

/** A schedule state in words, symbol and colour together. */
export function StatusTag({ state, label }: { state: Schedule; label?: string }) {
  const { text, icon } = SCHEDULE_LABELS[state];
  return (
    <span className={`tag tag-${state.toLowerCase()}`}>
      <span aria-hidden="true">{icon}</span> {label ? `${label}: ${text.toLowerCase()}` : text}
    </span>
  );
}
