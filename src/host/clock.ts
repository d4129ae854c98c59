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

/** The host's own timers (PuerTS timer.mjs, the browser, Node) and Date.now(). */
export function hostClock(): Clock {
  const g = globalThis as unknown as Partial<HostTimers>;
  if (typeof g.setTimeout !== 'function' || typeof g.clearTimeout !== 'function') {
    throw new Error('zego-room-bridge: the host has no setTimeout; pass a clock to createEngine');
  }
  return {
    now: () => Date.now(),
    setTimeout: (fn, ms) => g.setTimeout!(fn, ms),
    clearTimeout: (h) => g.clearTimeout!(h),
  };
}
