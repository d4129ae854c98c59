// When to try again. The engine enforces the 20-minute window by the clock whatever a policy says;
// a policy only spaces attempts out (and may end early by returning null).

export interface ReconnectContext {
  /** Failed attempts so far in this outage (0 before the first retry). */
  readonly retryCount: number;
  /** Milliseconds since the link was lost (or since loginRoom for a first login). */
  readonly elapsedMs: number;
}

export interface ReconnectPolicy {
  nextRetryDelayMs(context: ReconnectContext): number | null;
}

/** ZEGO's client retry window: the seed's "retry timeout 20 min". */
export const RETRY_WINDOW_MS = 20 * 60 * 1000;

/**
 * Default: at once, then 0.5 s, 1 s, then a steady ~2 s ± 25 %. The steady mean is 2.1 s so that, with
 * the three quick first tries, a client stays under one retry per 2 s on average over an outage
 * (measured in `npm run bench`); the jitter spreads a crowd that lost the same link.
 */
export class DefaultReconnectPolicy implements ReconnectPolicy {
  static readonly STEADY_MS = 2100;
  static readonly JITTER = 0.25;
  private static readonly FIRST: readonly number[] = [0, 500, 1000];

  constructor(private readonly random: () => number = Math.random) {}

  nextRetryDelayMs({ retryCount }: ReconnectContext): number {
    const first = DefaultReconnectPolicy.FIRST;
    if (retryCount < first.length) return first[retryCount];
    const spread = (this.random() * 2 - 1) * DefaultReconnectPolicy.JITTER;
    return Math.round(DefaultReconnectPolicy.STEADY_MS * (1 + spread));
  }
}
