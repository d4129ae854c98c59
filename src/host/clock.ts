// The host seam for time. The core schedules everything through a Clock, never through
// promise jobs: PuerTS timers fire only when C# calls Tick(), so ordering must not depend on microtasks.

export type TimerHandle = unknown;

export interface Clock {
  /** Milliseconds of Unix time (virtual or real). Windows are measured with this, not by counting timers. */
  now(): number;
  setTimeout(fn: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

interface HostTimers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** The longest delay host timers take (2^31−1 ms, ~24.8 days): Node and browsers fire a longer one at once. */
export const MAX_HOST_TIMER_MS = 2 ** 31 - 1;

/** A timer longer than the host allows, run as a chain of shorter ones; `handle` is the current link. */
class ChainedTimer {
  handle: unknown;
}

/**
 * The host's own timers (PuerTS timer.mjs, the browser, Node) and Date.now(). Delays above 2^31−1 ms
 * (a Token04 valid for weeks) are chained, so they fire when due instead of at once.
 */
export function hostClock(): Clock {
  const g = globalThis as unknown as Partial<HostTimers>;
  if (typeof g.setTimeout !== 'function' || typeof g.clearTimeout !== 'function') {
    throw new Error('zego-room-bridge: the host has no setTimeout; pass a clock to createEngine');
  }
  const set = (fn: () => void, ms: number) => g.setTimeout!(fn, ms);
  return {
    now: () => Date.now(),
    setTimeout: (fn, ms) => {
      if (!(ms > MAX_HOST_TIMER_MS) || ms === Infinity) return set(fn, ms); // NaN, Infinity, ≤ 0: the host's next turn
      const chain = new ChainedTimer();
      const wait = (left: number) => {
        chain.handle = left > MAX_HOST_TIMER_MS ? set(() => wait(left - MAX_HOST_TIMER_MS), MAX_HOST_TIMER_MS) : set(fn, left);
      };
      wait(ms);
      return chain;
    },
    clearTimeout: (h) => g.clearTimeout!(h instanceof ChainedTimer ? h.handle : h),
  };
}
