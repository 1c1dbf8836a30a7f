import { MAX_REPLAY, MAX_REPLAY_SCAN, reloadReason, replayScanEnd } from './replay-window';

describe('replay window', () => {
  const recent = { since: 1_000, oldest: 1, latest: 1_200 };

  it('replays what a board missed when it is few events of her rooms, still stored, within the scan', () => {
    expect(reloadReason(recent, 0)).toBeNull();
    expect(reloadReason(recent, MAX_REPLAY)).toBeNull();
  });

  it('asks her to reload beyond MAX_REPLAY events of her rooms', () => {
    expect(reloadReason(recent, MAX_REPLAY + 1)).toMatch(/reload/);
  });

  it('asks her to reload when events after her last one are no longer stored', () => {
    expect(reloadReason({ since: 1_000, oldest: 1_002, latest: 1_200 }, 0)).toMatch(/reload/);
    expect(reloadReason({ since: 1_000, oldest: 1_001, latest: 1_200 }, 0)).toBeNull();
  });

  it('asks her to reload when more events of all rooms followed hers than a replay reads', () => {
    const since = 1_000;
    expect(replayScanEnd(since)).toBe(since + MAX_REPLAY_SCAN);
    expect(reloadReason({ since, oldest: 1, latest: since + MAX_REPLAY_SCAN }, 3)).toBeNull();
    expect(reloadReason({ since, oldest: 1, latest: since + MAX_REPLAY_SCAN + 1 }, 3)).toMatch(/reload/);
  });
});
