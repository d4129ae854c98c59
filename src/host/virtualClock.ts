// Virtual time for tests, the demo and the simulator: 20 minutes replay in milliseconds.
import type { Clock, TimerHandle } from './clock.js';

interface Timer {
  at: number;
  seq: number;
  fn: () => void;
  cancelled: boolean;
}

/** The largest time a JavaScript Date can hold (ms since 1970); also the bound of a VirtualClock's start. */
export const MAX_EPOCH_MS = 8.64e15;

/** The time `ms` after `from`, or a RangeError for a span that is not a finite number ≥ 0 (time is left unchanged). */
function targetOf(from: number, ms: number, fn: string): number {
  if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) {
    throw new RangeError(
      `VirtualClock.${fn}: expected a finite number of ms >= 0, got ${typeof ms === 'number' ? String(ms) : typeof ms}`,
    );
  }
  return from + ms;
}

export class VirtualClock implements Clock {
  private current: number;
  private seq = 0;
  // Binary min-heap ordered by (at, seq): same-time timers fire in the order they were set.
  private heap: Timer[] = [];

  constructor(startMs = 0) {
    // Beyond the largest Date (8.64e15 ms) a few ms no longer change a double: timers would never move time.
    if (typeof startMs !== 'number' || !(Math.abs(startMs) <= MAX_EPOCH_MS)) {
      throw new RangeError(`VirtualClock: the start must be a number of ms within ±${MAX_EPOCH_MS}`);
    }
    this.current = startMs;
  }

  now(): number {
    return this.current;
  }

  setTimeout(fn: () => void, ms: number): TimerHandle {
    const delay = Number.isFinite(ms) && ms > 0 ? ms : 0;
    const t: Timer = { at: this.current + delay, seq: this.seq++, fn, cancelled: false };
    this.push(t);
    return t;
  }

  clearTimeout(handle: TimerHandle): void {
    if (handle && typeof handle === 'object') (handle as Timer).cancelled = true;
  }

  /** Number of live timers (for tests and leak checks). */
  pending(): number {
    let n = 0;
    for (const t of this.heap) if (!t.cancelled) n++;
    return n;
  }

  /**
   * Moves time forward by `ms`, firing every timer due in the window in time order
   * (timers set while advancing fire too if due). Resolves after promise jobs have had a
   * turn after each timer, so promise-based drivers (the Web SDK) see the same ordering.
   * A span that is not a finite number ≥ 0 rejects with a RangeError and changes nothing.
   */
  async advance(ms: number): Promise<void> {
    const target = targetOf(this.current, ms, 'advance');
    while (this.fireNext(target)) {
      await Promise.resolve();
      await Promise.resolve();
    }
    this.current = target;
  }

  /** The synchronous form of `advance` for hosts without promise-based drivers (the simulator, benchmarks). */
  advanceSync(ms: number): void {
    const target = targetOf(this.current, ms, 'advanceSync');
    while (this.fireNext(target));
    this.current = target;
  }

  /** Advance to an absolute virtual time. */
  advanceTo(atMs: number): Promise<void> {
    return this.advance(atMs - this.current);
  }

  /** Fires the earliest timer due by `target`, at its own time; false when none is due. */
  private fireNext(target: number): boolean {
    const t = this.popDue(target);
    if (!t) return false;
    this.current = t.at;
    t.fn();
    return true;
  }

  private popDue(target: number): Timer | undefined {
    while (this.heap.length > 0) {
      const top = this.heap[0];
      if (top.cancelled) {
        this.pop();
        continue;
      }
      if (top.at > target) return undefined;
      return this.pop();
    }
    return undefined;
  }

  private less(a: Timer, b: Timer): boolean {
    return a.at < b.at || (a.at === b.at && a.seq < b.seq);
  }

  private push(t: Timer): void {
    const h = this.heap;
    h.push(t);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(h[i], h[p])) break;
      [h[i], h[p]] = [h[p], h[i]];
      i = p;
    }
  }

  private pop(): Timer {
    const h = this.heap;
    const top = h[0];
    const last = h.pop()!;
    if (h.length > 0) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1,
          r = l + 1;
        let m = i;
        if (l < h.length && this.less(h[l], h[m])) m = l;
        if (r < h.length && this.less(h[r], h[m])) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m], h[i]];
        i = m;
      }
    }
    return top;
  }
}
