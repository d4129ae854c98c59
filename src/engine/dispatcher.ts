// Delivers app callbacks on the next host timer turn, in the order they were raised, each guarded:
// a handler that throws is reported and the next one still runs.
import type { Clock, TimerHandle } from '../host/clock.js';
import type { Log } from '../host/log.js';

export class Dispatcher {
  private queue: Array<{ what: string; run: () => void }> = [];
  private timer: TimerHandle | undefined;
  private closed = false;

  constructor(
    private readonly clock: Clock,
    private readonly log: Log,
  ) {}

  post(what: string, run: () => void): void {
    if (this.closed) return;
    this.queue.push({ what, run });
    if (this.timer === undefined) this.timer = this.clock.setTimeout(() => this.flush(), 0);
  }

  /** Drops everything queued and ignores later posts (engine destroyed). */
  close(): void {
    this.closed = true;
    this.queue = [];
    if (this.timer !== undefined) {
      this.clock.clearTimeout(this.timer);
      this.timer = undefined;
    }
  }

  private flush(): void {
    this.timer = undefined;
    // Callbacks posted while flushing (a handler calling the engine) wait for the next turn.
    const batch = this.queue;
    this.queue = [];
    for (const item of batch) {
      if (this.closed) return;
      try {
        item.run();
      } catch (e) {
        this.log.error(`the app's ${item.what} threw`, e);
      }
    }
  }
}
