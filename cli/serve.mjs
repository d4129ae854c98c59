// `zego-room-bridge serve`: the local room server (docs/DEVSERVER.md). Prints `listening ws://HOST:PORT`
// once ready; Ctrl-C (SIGINT) or SIGTERM closes every socket and exits 0.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError, importBuilt, parseFlags } from './flags.mjs';
import { TIMELINE_STYLE, TIMELINE_STYLE_PLACEHOLDER } from './timelineStyle.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const EXIT = { OK: 0, USAGE: 2, MISSING: 3, INTERNAL: 4 };

export const SERVE_HELP = `  zego-room-bridge serve [--port 8787] [--host 127.0.0.1] [--app-id N --server-secret S]
                         [--heartbeat-timeout-ms 90000] [--admin-token T]
      Runs the local room server: rooms in memory, ZEGO's room semantics over WebSockets, a
      dashboard at http://HOST:PORT/ and an admin API (docs/DEVSERVER.md). Prints
      "listening ws://HOST:PORT" when ready. --port 0 picks a free port. With --app-id and
      --server-secret, tokens are verified with ZEGO's Token04 algorithm.
`;

/** Flags: name → [kind, check]; every number is bounded. */
const FLAGS = {
  '--port': ['int', 0, 65535],
  '--host': ['string'],
  '--app-id': ['int', 1, 4294967295],
  '--server-secret': ['string'],
  '--heartbeat-timeout-ms': ['int', 100, 3_600_000],
  '--admin-token': ['string'],
};

export function parseServeArgs(argv) {
  const opts = parseFlags('serve', argv, FLAGS);
  if ((opts.appId === undefined) !== (opts.serverSecret === undefined))
    throw new UsageError('serve: --app-id and --server-secret go together (both, or neither)');
  if (opts.serverSecret !== undefined && Buffer.byteLength(opts.serverSecret) !== 32)
    throw new UsageError('serve: --server-secret must be the 32-character ServerSecret from ZEGO’s console');
  return opts;
}

/** The warning for a host other machines can reach ('' for a loopback address). */
export function lanWarning(host) {
  const loopback = host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
  return loopback
    ? ''
    : `WARNING: listening on ${host}: anyone on your network can join rooms (and, with the admin token, press faults)`;
}

/** Runs until SIGINT/SIGTERM (or `signal` aborts, in tests); resolves with the exit code. */
export async function serveCommand(argv, io, { signal } = {}) {
  let opts;
  try {
    opts = parseServeArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.err(`zego-room-bridge ${e.message}\n`);
    return EXIT.USAGE;
  }
  const server = await importBuilt('serve', 'server.mjs', io);
  if (!server) return EXIT.MISSING;
  const host = opts.host ?? '127.0.0.1';
  let verifyToken;
  if (opts.serverSecret !== undefined) {
    const { verifyToken04 } = server;
    const secret = opts.serverSecret;
    const appID = opts.appId;
    verifyToken = (token, userID, roomID) =>
      verifyToken04(token, { appID, serverSecret: secret, userID, roomID, nowMs: Date.now() }).code;
  } else {
    io.err(
      'zego-room-bridge serve: tokens are NOT checked (any token is accepted); start with --app-id and --server-secret to verify Token04\n',
    );
  }
  const warning = lanWarning(host);
  if (warning) io.err(`zego-room-bridge serve: ${warning}\n`);
  const dashboardFile = join(root, 'cli', 'dashboard.html');
  const room = new server.DevRoomServer({
    port: opts.port ?? 8787,
    host,
    heartbeatTimeoutMs: opts.heartbeatTimeoutMs,
    verifyToken,
    adminToken: opts.adminToken,
    dashboardHtml: existsSync(dashboardFile)
      ? readFileSync(dashboardFile, 'utf8').replace(TIMELINE_STYLE_PLACEHOLDER, JSON.stringify(TIMELINE_STYLE))
      : '<p>dashboard not installed</p>',
    log: (line) => io.err(`zego-room-bridge serve: ${line}\n`),
  });
  let address;
  try {
    address = await room.start();
  } catch (e) {
    io.err(`zego-room-bridge serve: cannot listen on ${host}:${opts.port ?? 8787} (${e.code ?? e.message})\n`);
    return EXIT.USAGE;
  }
  const httpHost = address.url.slice('ws://'.length);
  io.out(`listening ${address.url}\n`);
  io.out(`dashboard http://${httpHost}/#token=${room.adminToken}\n`);
  io.out(`admin token ${room.adminToken}\n`);
  await new Promise((resolveStop) => {
    const stop = () => resolveStop();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    signal?.addEventListener('abort', stop, { once: true });
  });
  await room.close();
  io.err('zego-room-bridge serve: closed\n');
  return EXIT.OK;
}
