/// <reference types="jest" />
// (The web app's tsconfig has no test types; this spec runs in the repo's unit suite.)
import { CatchUp, FollowedSocket, followBoard } from './board-follower';

/** A socket double: records what the follower emits and lets the test play the server. */
class FakeSocket implements FollowedSocket {
  readonly emitted: { event: string; body: unknown; ack?: () => void }[] = [];
  private readonly listeners = new Map<string, ((...args: never[]) => void)[]>();

  on(event: string, listener: (...args: never[]) => void): void {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
  }

  emit(event: string, body: unknown, ack?: () => void): void {
    this.emitted.push({ event, body, ack });
  }

  serve(event: string, payload?: unknown): void {
    for (const listener of this.listeners.get(event) ?? []) (listener as (p: unknown) => void)(payload);
  }
}

function follow() {
  const socket = new FakeSocket();
  const events: number[] = [];
  const catchUps: CatchUp[] = [];
  let reloads = 0;
  let subscribed = 0;
  const board = followBoard<{ seq: number }>(socket, ['prison:STI'], {
    onEvent: (e) => events.push(e.seq),
    onReload: () => (reloads += 1),
    onCaughtUp: (c) => catchUps.push(c),
    onSubscribed: () => (subscribed += 1),
  });
  socket.serve('connect');
  return { socket, events, catchUps, board, reloads: () => reloads, subscribed: () => subscribed };
}

describe('following a board', () => {
  // A catch-up's give-up timer must not outlive the test.
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('replays from the last sequence when a heartbeat shows an event that never arrived, and reports how many', () => {
    const { socket, events, catchUps, board } = follow();
    socket.serve('board.event', { seq: 10 });
    socket.serve('board.heartbeat', { latestSeq: 14 });
    const request = socket.emitted.at(-1);
    expect(request?.body).toEqual({ rooms: ['prison:STI'], since: 10 });
    socket.serve('board.replay', { since: 10, events: [{ seq: 12 }, { seq: 14 }] });
    request?.ack?.();
    expect(events).toEqual([10, 12, 14]);
    expect(catchUps).toEqual([{ missed: 2, reloaded: false }]);
    expect(board.lastSeq()).toBe(14);
  });

  it('replays once from resyncFrom when its gateway was deaf, filling a gap that later live events hid', () => {
    const { socket, events, catchUps, board } = follow();
    socket.serve('board.event', { seq: 10 });
    // 11 and 12 were published while the gateway could not hear; 13 arrived live after it re-subscribed.
    socket.serve('board.event', { seq: 13 });
    socket.serve('board.heartbeat', { latestSeq: 13, resyncFrom: 10 });
    const request = socket.emitted.at(-1);
    expect(request?.body).toEqual({ rooms: ['prison:STI'], since: 10 });
    socket.serve('board.replay', { since: 10, events: [{ seq: 11 }, { seq: 12 }, { seq: 13 }] });
    request?.ack?.();
    expect(events).toEqual([10, 13, 11, 12]);
    expect(catchUps).toEqual([{ missed: 2, reloaded: false }]);
    expect(board.lastSeq()).toBe(13);
    // The same resyncFrom on the next beats asks nothing more.
    const asked = socket.emitted.length;
    socket.serve('board.heartbeat', { latestSeq: 13, resyncFrom: 10 });
    expect(socket.emitted.length).toBe(asked);
  });

  it('does nothing while it is up to date, and asks once while a catch-up is under way', () => {
    const { socket } = follow();
    socket.serve('board.event', { seq: 10 });
    const before = socket.emitted.length;
    socket.serve('board.heartbeat', { latestSeq: 10 });
    expect(socket.emitted.length).toBe(before);
    socket.serve('board.heartbeat', { latestSeq: 11 });
    socket.serve('board.heartbeat', { latestSeq: 12 });
    expect(socket.emitted.length).toBe(before + 1);
  });

  it('drops an event it already has (live and replayed both)', () => {
    const { socket, events, catchUps } = follow();
    socket.serve('board.event', { seq: 5 });
    socket.serve('board.heartbeat', { latestSeq: 7 });
    socket.serve('board.event', { seq: 7 });
    socket.serve('board.replay', { since: 5, events: [{ seq: 7 }] });
    socket.emitted.at(-1)?.ack?.();
    expect(events).toEqual([5, 7]);
    expect(catchUps).toEqual([]);
  });

  it('refetches, without a notice, when a heartbeat comes before any event (nothing to replay from)', () => {
    const { socket, catchUps, board, reloads } = follow();
    const before = socket.emitted.length;
    socket.serve('board.heartbeat', { latestSeq: 40 });
    expect(reloads()).toBe(1);
    expect(socket.emitted.length).toBe(before);
    expect(board.lastSeq()).toBe(40);
    expect(catchUps).toEqual([]);
  });

  it('reloads and says so when the gap is beyond the replay window', () => {
    const { socket, catchUps, reloads, board } = follow();
    socket.serve('board.event', { seq: 3 });
    socket.serve('board.heartbeat', { latestSeq: 900 });
    socket.serve('board.reload', { reason: 'too many', latestSeq: 905 });
    socket.emitted.at(-1)?.ack?.();
    expect(reloads()).toBe(1);
    expect(catchUps).toEqual([{ missed: 0, reloaded: true }]);
    expect(board.lastSeq()).toBe(905);
  });

  it('says it is subscribed when the gateway acknowledges the join, on every connection, and not before', () => {
    const { socket, subscribed } = follow();
    const first = socket.emitted.at(-1);
    expect(first?.body).toEqual({ rooms: ['prison:STI'] });
    expect(subscribed()).toBe(0);
    first?.ack?.();
    expect(subscribed()).toBe(1);
    socket.serve('board.event', { seq: 8 });
    socket.serve('connect');
    const again = socket.emitted.at(-1);
    expect(again?.body).toEqual({ rooms: ['prison:STI'], since: 8 });
    expect(subscribed()).toBe(1);
    again?.ack?.();
    expect(subscribed()).toBe(2);
  });

  it('takes a batch of events as each one, dropping any it has already seen', () => {
    const { socket, events, board } = follow();
    socket.serve('board.event', { seq: 4 });
    socket.serve('board.events', [{ seq: 4 }, { seq: 5 }, { seq: 6 }]);
    expect(events).toEqual([4, 5, 6]);
    expect(board.lastSeq()).toBe(6);
  });
});
