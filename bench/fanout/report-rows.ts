/**
 * Test 2's rows of the benchmark's table, for each client count: Resettle and bare p50 / p99 with their ratio and
 * the 1.3x target, deliveries, and memory per socket of the gateways and of the bare servers.
 */
import { Row, ms, ratio, Summary } from '../lib/stats';
import { Fanout, FANOUT_TARGET_RATIO, FanoutCase } from './measure';
import { SocketMemory } from './socket-memory';

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const memory = (m: SocketMemory) => `${kib(m.rssPerSocket)} / ${kib(m.heapPerSocket)}`;
const pair = (s: Summary) => `${ms(s.p50)} / ${ms(s.p99)}`;
const yesNo = (ok: boolean) => (ok ? 'yes' : 'no');

function caseRows({ clients, resettle, bare }: FanoutCase): Row[] {
  const allDelivered = resettle.delivered === resettle.expected;
  const line = (p: 'p50' | 'p99') => {
    const met = Math.max(resettle.stats[p], 1) <= FANOUT_TARGET_RATIO * Math.max(bare.stats[p], 1);
    return [
      `fan-out ${p} (${clients} clients, 2 gateways)`,
      ms(resettle.stats[p]),
      ms(bare.stats[p]),
      ratio(resettle.stats[p], bare.stats[p]),
      `≤ ${FANOUT_TARGET_RATIO}x`,
      yesNo(met && allDelivered),
    ];
  };
  return [
    line('p50'),
    line('p99'),
    [
      `fan-out max (${clients} clients)`,
      ms(resettle.stats.max),
      ms(bare.stats.max),
      ratio(resettle.stats.max, bare.stats.max),
      '',
      '',
    ],
    [
      '  of which: HTTP round trip p50 / p99',
      pair(resettle.http),
      pair(bare.http),
      ratio(resettle.http.p50, bare.http.p50),
      '',
      '',
    ],
    [
      '  of which: first client of a round p50 / p99',
      pair(resettle.first),
      pair(bare.first),
      ratio(resettle.first.p50, bare.first.p50),
      '',
      '',
    ],
    [
      `fan-out delivered (${clients} clients)`,
      `${resettle.delivered} of ${resettle.expected}`,
      `${bare.delivered} of ${bare.expected}`,
      '',
      'all',
      yesNo(allDelivered),
    ],
    [
      `memory per socket, RSS / heap (${clients} clients)`,
      memory(resettle.memory),
      memory(bare.memory),
      ratio(resettle.memory.rssPerSocket, bare.memory.rssPerSocket),
      'report',
      '',
    ],
  ];
}

export function fanoutRows(fanout: Fanout): Row[] {
  return fanout.cases.flatMap(caseRows);
}

export function fanoutNote(fanout: Fanout): string {
  const disconnects = fanout.cases
    .map((c) => `${c.clients} clients: Resettle ${c.resettle.disconnected}, bare ${c.bare.disconnected}`)
    .join('; ');
  return (
    `test 2 ran ${fanout.when}; bare side: a plain http handler (pg transaction, then @socket.io/redis-emitter) and two ` +
    `socket.io servers on the Redis adapter, sending the event a Resettle client received; memory per socket is the ` +
    `growth of the two processes' RSS and heap when the clients connected, over the sockets; clients disconnected ` +
    `mid-test: ${disconnects}`
  );
}

/** results.json without the event template. */
export function fanoutForResults(fanout: Fanout): unknown {
  return { ...fanout, cases: fanout.cases.map((c) => ({ ...c, resettle: { ...c.resettle, template: undefined } })) };
}
