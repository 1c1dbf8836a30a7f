/**
 * The relay's batch as one string, from the worker's relay to every gateway (BOARD_BATCH): a header line, then the
 * events' JSON texts one after the other. The header is `R2` and a JSON list with, per event, its sequence number,
 * the length of its text and the rooms it is addressed to: `R2[[9801,412,["prison:STI","woman:…"]],…]`.
 * A gateway parses only the header: each event's text goes to the sockets as it came from PostgreSQL, spliced into
 * the socket.io packet (apps/gateway/src/live-path/pre-encoded-json.ts). Parsing the 20,000 events of the 17:00
 * burst and encoding them again cost each gateway about 0.3 s of CPU, on the cores PostgreSQL was writing them with.
 * Lengths count UTF-16 code units, as JavaScript strings do at both ends.
 */

/** One event of a batch as a gateway handles it: never parsed, only routed. */
export interface RelayedEventText {
  seq: number;
  rooms: string[];
  /** The event as a socket receives it, as JSON text (an object with its `seq`). */
  json: string;
}

const MARK = 'R2';

/**
 * `seq` is the outbox id as digits and `roomsJson` the JSON text of a list of room names (PostgreSQL's
 * `array_to_json(rooms)`); both go into the header as they are (relayed-event-text.ts checks the id).
 */
export function relayBatchText(events: readonly { seq: string; roomsJson: string; json: string }[]): string {
  const header = events.map((e) => `[${e.seq},${e.json.length},${e.roomsJson}]`).join(',');
  return `${MARK}[${header}]\n${events.map((e) => e.json).join('')}`;
}

/**
 * Null when the text is not such a batch: a header that does not parse, or lengths that overrun the body, leave some
 * of it over, or cut an event's text anywhere but at the braces of an object.
 */
export function readRelayBatchText(text: string): RelayedEventText[] | null {
  if (!text.startsWith(MARK)) return null;
  const newline = text.indexOf('\n');
  if (newline < 0) return null;
  let header: unknown;
  try {
    header = JSON.parse(text.slice(MARK.length, newline));
  } catch {
    return null;
  }
  if (!Array.isArray(header)) return null;
  const events: RelayedEventText[] = [];
  let at = newline + 1;
  for (const entry of header as unknown[]) {
    if (!Array.isArray(entry) || entry.length !== 3) return null;
    const [seq, length, rooms] = entry as unknown[];
    if (typeof seq !== 'number' || !Number.isSafeInteger(seq)) return null;
    if (typeof length !== 'number' || !Number.isSafeInteger(length) || length < 2) return null;
    if (!Array.isArray(rooms) || !rooms.every((r) => typeof r === 'string')) return null;
    const end = at + length;
    // Each text goes to the sockets unparsed: it must at least be an object where the header says it is.
    if (end > text.length || text[at] !== '{' || text[end - 1] !== '}') return null;
    events.push({ seq, rooms, json: text.slice(at, end) });
    at = end;
  }
  return at === text.length ? events : null;
}
