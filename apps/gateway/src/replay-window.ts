/**
 * Whether a reconnecting board can be sent what it missed, or must reload from the API. The replay reads the outbox
 * by id from the board's last sequence number, filtering on rooms as it goes (the outbox has no index on rooms: it
 * slowed every event's write at the 17:00 burst, issue 15), so how far back it may read is bounded as well as how
 * many events it may send.
 */

/** Beyond this many missed events of her rooms a client is better off reloading the board from the API. */
export const MAX_REPLAY = 500;

/**
 * Beyond this many events of all rooms since her last one, the replay does not read them: she reloads. Two 17:00
 * bursts of a national working day (about 20,000 events each); reading this many by the primary key takes tens of
 * milliseconds.
 */
export const MAX_REPLAY_SCAN = 50_000;

export interface ReplayPosition {
  /** Her last sequence number (0: none yet, nothing to replay from). */
  since: number;
  /** The oldest and the newest event still in the outbox. */
  oldest: number;
  latest: number;
}

/** The outbox ids a replay reads: (since, since + MAX_REPLAY_SCAN]. */
export function replayScanEnd(since: number): number {
  return since + MAX_REPLAY_SCAN;
}

/** Why she must reload instead of being replayed to, or null when the replay can be sent. */
export function reloadReason(position: ReplayPosition, missedOfHerRooms: number): string | null {
  const { since, oldest, latest } = position;
  if (missedOfHerRooms > MAX_REPLAY) return 'too many missed events: reload the board';
  if (since > 0 && oldest > since + 1) return 'too many missed events: reload the board';
  if (latest > replayScanEnd(since)) return 'too many missed events: reload the board';
  return null;
}
