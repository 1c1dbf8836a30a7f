/**
 * One board event as the relay sends it, `{"rooms": [...], "event": {...payload, "seq": id}}` (a RelayedBoardEvent),
 * made as text from the texts PostgreSQL gave (OutboxRepository.listAfter): the payload object is closed after a
 * last member, its sequence number. Null when the id is not a sequence number or the payload not an object.
 * Parsing 20,000 payloads and encoding them again as msgpack took most of the relay's CPU at the 17:00 burst; now
 * each gateway parses a batch once (apps/gateway/src/live-path/relayed-batch.ts).
 */
export function relayedEventJson(id: string, roomsJson: string, payloadJson: string): string | null {
  const body = payloadJson.trimEnd();
  // Null rather than a throw: one bad row must not stop the relay (the caller says so and skips it).
  if (!/^\d+$/.test(id) || !body.startsWith('{') || !body.endsWith('}')) return null;
  const open = body.slice(0, -1).trimEnd();
  const members = open === '{' ? open : `${open},`;
  return `{"rooms":${roomsJson},"event":${members}"seq":${id}}}`;
}
