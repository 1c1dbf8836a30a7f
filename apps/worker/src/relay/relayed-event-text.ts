/**
 * One board event as a socket receives it, `{...payload, "seq": id}`, made as JSON text from the payload's text as
 * PostgreSQL gave it (OutboxRepository.listAfter): the object is closed after a last member, its sequence number.
 * The relay sends it to the gateways as it is (libs/events/src/relay-batch.ts), and they to the sockets, so nothing
 * on the way parses or encodes an event. Null when the id is not a sequence number or the payload not an object.
 */
export function relayedEventText(id: string, payloadJson: string): string | null {
  const body = payloadJson.trimEnd();
  // Null rather than a throw: one bad row must not stop the relay (the caller says so and skips it).
  if (!/^\d+$/.test(id) || !body.startsWith('{') || !body.endsWith('}')) return null;
  const open = body.slice(0, -1).trimEnd();
  const members = open === '{' ? open : `${open},`;
  return `${members}"seq":${id}}`;
}
