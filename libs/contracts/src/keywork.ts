/** Keywork (recommendation 7): her sessions (date and keyworker, no content) and how often she should have one. */
import type { KeyworkAction } from './capabilities';

export interface KeyworkSessionView {
  id: string;
  /** The day the session took place (London date). */
  sessionOn: string;
  keyworkerName: string;
  /** The prison she was in when it was recorded. */
  prisonCode: string;
  recordedById: string;
  createdAt: string;
}

export interface KeyworkView {
  womanId: string;
  /** A session every this many weeks (1 to 12); `targetIsDefault` when nobody has set hers (then 1). */
  frequencyWeeks: number;
  targetIsDefault: boolean;
  lastSessionOn: string | null;
  /** When her next session is due (null once she has left custody). */
  nextDue: { dueDate: string; dueAt: string; atRiskAt: string; overdue: boolean } | null;
  /** Most recent first. */
  sessions: KeyworkSessionView[];
  allowedActions: KeyworkAction[];
}
