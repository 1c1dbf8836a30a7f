/**
 * Many calls in a short time made into one, run `delayMs` after the first of them. Not a debounce: a debounce
 * waits for a quiet moment, and a board under a steady stream of events (the 17:00 burst) never has one, so it
 * would never refetch. Here every call is answered within `delayMs`.
 */
export interface Coalesced {
  (): void;
  /** Drops a run that is waiting (the page is going away). */
  cancel(): void;
}

export function coalesced(run: () => void, delayMs: number): Coalesced {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const call = () => {
    if (timer !== undefined) return;
    timer = setTimeout(() => {
      timer = undefined;
      run();
    }, delayMs);
  };
  call.cancel = () => {
    clearTimeout(timer);
    timer = undefined;
  };
  return call;
}
