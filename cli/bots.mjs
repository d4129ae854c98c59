// `zego-room-bridge bots`: N clients in one room of the local room server (docs/DEVSERVER.md), each a real
// engine through the package's public API on the dev driver, so a developer can see a busy room in the game.
// SIGINT/SIGTERM logs every bot out, destroys the engines and exits 0.
import { UsageError, importBuilt, parseFlags } from './flags.mjs';

const EXIT = { OK: 0, USAGE: 2, MISSING: 3 };

export const BOTS_HELP = `  zego-room-bridge bots --url ws://HOST:PORT --room R --count N [--churn PER_MINUTE] [--user-prefix bot-]
                        [--notify] [--heartbeat-interval-ms 5000] [--seed 1]
      Runs N clients (userIDs PREFIX1..PREFIXN) in room R of a local room server, each an engine on
      the dev driver. --churn logs that many of them out and back in per minute (seeded). --notify
      sets isUserStatusNotify (every join is then pushed to every bot: N² messages). Prints
      "bots: N logged in to room R" once all are in; Ctrl-C logs them out and exits 0.
`;

/** Flags: name → [kind, min, max]; every number is bounded. */
const FLAGS = {
  '--url': ['url'],
  '--room': ['string'],
  '--count': ['int', 1, 10_000],
  '--churn': ['int', 0, 60_000],
  '--user-prefix': ['string'],
  '--notify': ['switch'],
  '--heartbeat-interval-ms': ['int', 10, 600_000],
  '--seed': ['int', 0, 4_294_967_295],
};

/** Bots log in this many at a time, one batch per BATCH_MS, so a large N does not arrive as one burst. */
const BATCH = 100;
const BATCH_MS = 100;
/** A churned bot stays out this long before logging in again. */
const CHURN_OUT_MS = 1000;
const SUMMARY_MS = 5000;
/** Above this many bots, a summary every SUMMARY_MS replaces the line per state change. */
const VERBOSE_UP_TO = 20;
const IN_ROOM = new Set(['Logined', 'Reconnected']);

export function parseBotsArgs(argv) {
  const opts = parseFlags('bots', argv, FLAGS, {
    userPrefix: 'bot-',
    churn: 0,
    notify: false,
    heartbeatIntervalMs: 5000,
    seed: 1,
  });
  for (const required of ['url', 'room', 'count'])
    if (opts[required] === undefined) throw new UsageError(`bots: --${required} is required`);
  return opts;
}

/** The room and the last (longest) bot's user ID through the package's own input checks: ZEGO's rules. */
function checkIds(opts, api) {
  const room = api.checkRoomID(opts.room);
  if (room !== 0) return `bots: --room ${opts.room}: ZEGO refuses it (${room} ${api.errorCodeName(room)})`;
  const userID = `${opts.userPrefix}${opts.count}`;
  const user = api.checkUser({ userID });
  if (user !== 0)
    return `bots: --user-prefix ${opts.userPrefix}: user ID ${userID} is refused (${user} ${api.errorCodeName(user)})`;
  return '';
}

/** Runs until SIGINT/SIGTERM (or `signal` aborts); resolves with the exit code. */
export async function botsCommand(argv, io, { signal } = {}) {
  let opts;
  try {
    opts = parseBotsArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.err(`zego-room-bridge ${e.message}\n`);
    return EXIT.USAGE;
  }
  const api = await importBuilt('bots', 'index.mjs', io);
  if (!api) return EXIT.MISSING;
  const refused = checkIds(opts, api);
  if (refused) {
    io.err(`zego-room-bridge ${refused}\n`);
    return EXIT.USAGE;
  }
  const { WebSocket } = await import('ws');
  const { ZegoExpressEngine, ZegoRoomStateChangedReason, createDevDriver, seededRandom } = api;

  // Every socket the bots open, so the exit can wait for their closing handshakes (the logouts go first).
  const sockets = new Set();
  class TrackedWebSocket extends WebSocket {
    constructor(url) {
      super(url);
      sockets.add(this);
      this.on('close', () => sockets.delete(this));
      this.on('error', () => undefined);
    }
  }

  const verbose = opts.count <= VERBOSE_UP_TO;
  const timers = new Set();
  const later = (ms, fn) => {
    const t = setTimeout(() => {
      timers.delete(t);
      fn();
    }, ms);
    timers.add(t);
  };
  let announced = false;
  const bots = [];
  for (let i = 1; i <= opts.count; i++) {
    const userID = `${opts.userPrefix}${i}`;
    const engine = ZegoExpressEngine.createEngine({
      appID: 1,
      driver: createDevDriver({
        url: opts.url,
        WebSocket: TrackedWebSocket,
        heartbeatIntervalMs: opts.heartbeatIntervalMs,
        clientId: `bots-${opts.seed}-${userID}`.slice(0, 64),
      }),
      random: seededRandom(opts.seed * 10_007 + i),
      logger: {
        warn: () => undefined,
        error: (message) => verbose && io.err(`${userID}: ${message}\n`),
      },
    });
    const bot = { userID, engine, state: 'Logout', out: false };
    engine.setEventHandler({
      onRoomStateChanged: (_room, reason, code) => {
        bot.state = ZegoRoomStateChangedReason[reason] ?? String(reason);
        if (verbose) io.out(`${userID}: ${bot.state}${code ? ` ${code}` : ''}\n`);
        if (!announced && bots.length === opts.count && bots.every((b) => IN_ROOM.has(b.state))) {
          announced = true;
          io.out(`bots: ${opts.count} logged in to room ${opts.room}\n`);
        }
      },
    });
    bots.push(bot);
  }
  const login = (bot) =>
    bot.engine.loginRoom(opts.room, { userID: bot.userID, userName: bot.userID }, { isUserStatusNotify: opts.notify, token: '' });
  bots.forEach((bot, index) => later(Math.floor(index / BATCH) * BATCH_MS, () => login(bot)));

  if (!verbose) {
    const summary = setInterval(() => {
      const counts = new Map();
      for (const b of bots) counts.set(b.state, (counts.get(b.state) ?? 0) + 1);
      const parts = [...counts].sort((a, b) => b[1] - a[1]).map(([state, n]) => `${n} ${state}`);
      io.out(`bots: ${parts.join(', ')}\n`);
    }, SUMMARY_MS);
    timers.add(summary);
  }

  if (opts.churn > 0) {
    // Evenly spread over each minute; which bot goes is the seeded PRNG's pick among those in the room.
    const random = seededRandom(opts.seed);
    const every = 60_000 / opts.churn;
    const churn = setInterval(() => {
      const candidates = bots.filter((b) => !b.out && IN_ROOM.has(b.state));
      if (candidates.length === 0) return;
      const bot = candidates[Math.floor(random() * candidates.length)];
      bot.out = true;
      bot.engine.logoutRoom(opts.room);
      later(CHURN_OUT_MS, () => {
        bot.out = false;
        login(bot);
      });
    }, every);
    timers.add(churn);
  }

  await new Promise((resolveStop) => {
    const stop = () => resolveStop();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    signal?.addEventListener('abort', stop, { once: true });
  });
  for (const t of timers) {
    clearTimeout(t);
    clearInterval(t);
  }
  for (const b of bots) b.engine.logoutRoom(opts.room);
  for (const b of bots) b.engine.destroy();
  // Bounded: sockets still open after 3 s are cut.
  const deadline = Date.now() + 3000;
  while (sockets.size > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  for (const s of sockets) s.terminate();
  io.err(`zego-room-bridge bots: ${opts.count} logged out\n`);
  return EXIT.OK;
}
