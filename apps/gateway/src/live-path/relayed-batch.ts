/**
 * A relay batch as it arrives through Redis, as events to route: the batch text of today's relay (relay-batch.ts:
 * only its header is parsed, each event's text goes to the sockets as it came), or either form an older relay sent,
 * the JSON text of a RelayedBoardEvent[] or that list itself, whose events are encoded here once each. Gateways are
 * upgraded before the worker, so they take both. Anything else is not a batch.
 */
import { readRelayBatchText, type RelayedBoardEvent, type RelayedEventText } from '@app/events';

export function relayedBatch(message: unknown): RelayedEventText[] | null {
  if (typeof message === 'string') {
    const batch = readRelayBatchText(message);
    if (batch) return batch;
  }
  let events: unknown = message;
  if (typeof message === 'string') {
    try {
      events = JSON.parse(message);
    } catch {
      return null;
    }
  }
  if (!Array.isArray(events)) return null;
  const routed: RelayedEventText[] = [];
  for (const item of events as unknown[]) {
    const { rooms, event } = (item ?? {}) as Partial<RelayedBoardEvent>;
    if (!Array.isArray(rooms) || typeof event !== 'object' || event === null || !Number.isSafeInteger(event.seq)) {
      return null;
    }
    routed.push({ seq: event.seq, rooms, json: JSON.stringify(event) });
  }
  return routed;
}
