// Reconnect schedules of the peers, as ReconnectPolicy objects the engine can run, so every schedule
// is measured on the same simulated service and the same outages. Sources (docs/SOURCES.md): the peer
// schedules, and the Web SDK package's runtime (3.12.0) for ZEGO Web's own.

/** ZEGO Web 3.12.0: first retry random in 0–4 s, then 2^round(n/2+1) s capped at 32 s; gives up at 300 s. */
export const zegoWeb = (random) => ({
  nextRetryDelayMs({ retryCount, elapsedMs }) {
    if (elapsedMs >= 300_000) return null;
    if (retryCount === 0) return Math.floor(random() * 4000);
    return Math.min(32, 2 ** Math.round(retryCount / 2 + 1)) * 1000;
  },
});

/** LiveKit client-sdk-js default: 0, 300, 1200, 2700, 4800, 7000×5 ms, then give up (no jitter, 2.21 base). */
const LIVEKIT = [0, 300, 1200, 2700, 4800, 7000, 7000, 7000, 7000, 7000];
export const livekit = () => ({
  nextRetryDelayMs({ retryCount }) {
    return retryCount < LIVEKIT.length ? LIVEKIT[retryCount] : null;
  },
});

/** socket.io-client: 1 s doubling to 5 s, ±50 % (backo2), unlimited attempts. */
export const socketIo = (random) => ({
  nextRetryDelayMs({ retryCount }) {
    let ms = 1000 * 2 ** retryCount;
    const deviation = Math.floor(random() * 0.5 * ms);
    ms = (Math.floor(random() * 10) & 1) === 0 ? ms - deviation : ms + deviation;
    return Math.min(ms, 5000) | 0;
  },
});
