// When to try again. The engine enforces the 20-minute window by the clock whatever a policy says;
// a policy only spaces attempts out (and may end early by returning null).
import type { Log } from '../host/log.js';

export interface ReconnectContext {
  /** Failed attempts so far in this outage (0 before the first retry). */
  readonly retryCount: number;
  /** Milliseconds since the link was lost (or since loginRoom for a first login). */
  readonly elapsedMs: number;
}

export interface ReconnectPolicy {
  nextRetryDelayMs(context: ReconnectContext): number | null;
}

/** ZEGO's client retry window: 20 minutes (ZEGO's network-failure FAQ, docs/SOURCES.md). */
export const RETRY_WINDOW_MS = 20 * 60 * 1000;

/** The longest delay host timers take (2^31−1 ms, ~24.8 days): Node and browsers fire a longer one at once. */
export const MAX_TIMER_DELAY_MS = 2 ** 31 - 1;

/**
 * The shortest wait before every retry after the first of an outage: a policy that always says
 * "at once" gets one immediate retry, then at most ten a second — never a loop at one instant.
 */
export const MIN_REPEAT_RETRY_DELAY_MS = 100;

/**
 * The policy's answer as a delay the engine can schedule, or null to end the outage (ReconnectFailed /
 * LoginFailed 1002053 at once). The one place a policy is called: whatever it returns or throws stays
 * here. A throw or anything but a number ≥ 0 or null (a string, a BigInt, a Symbol, NaN, a negative
 * number) ends the outage and is logged; numbers are clamped to [floor, MAX_TIMER_DELAY_MS], the floor
 * being 0 for the first retry and MIN_REPEAT_RETRY_DELAY_MS after it.
 */
export function retryDelayFor(policy: ReconnectPolicy, context: ReconnectContext, log: Log): number | null {
  let raw: unknown;
  try {
    raw = policy.nextRetryDelayMs(context);
  } catch (e) {
    log.error('reconnect policy threw; ending the outage', e);
    return null;
  }
  if (raw === null) return null;
  if (typeof raw !== 'number' || !(raw >= 0)) {
    log.error(
      `reconnect policy returned ${typeof raw === 'number' ? String(raw) : `a ${typeof raw}`}, not a delay >= 0 or null; ending the outage`,
    );
    return null;
  }
  const floor = context.retryCount === 0 ? 0 : MIN_REPEAT_RETRY_DELAY_MS;
  return Math.min(MAX_TIMER_DELAY_MS, Math.max(floor, raw));
}

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
