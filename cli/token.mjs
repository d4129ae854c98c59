// `zego-room-bridge token …`: a Token04 made with ZEGO's algorithm (dist/server.mjs, src/server/token04.ts), for
// teams without a token server. stdout carries only the token and a newline, so a script can capture it.
import { randomInt } from 'node:crypto';
import { importBuilt } from './flags.mjs';

export const TOKEN_HELP = `  zego-room-bridge token --app-id N --server-secret S --user-id U [--room-id R]
                         [--no-login-privilege] [--seconds 3600] [--cbc]
      Prints a Token04 for user U (ZEGO's algorithm; AES-GCM, or AES-CBC with --cbc), valid for
      --seconds (1 to 2147483647). With --room-id it holds only for room R; --no-login-privilege
      makes one that every login refuses (to test that path). The token is a secret: keep it out of logs.
`;

const MAX_SECONDS = 2147483647;
const VALUE_FLAGS = ['--app-id', '--server-secret', '--user-id', '--room-id', '--seconds'];
const SWITCHES = ['--no-login-privilege', '--cbc'];

class UsageError extends Error {}

function parseTokenArgs(argv) {
  const given = new Map();
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === '-h' || flag === '--help') return { help: true };
    const isValueFlag = VALUE_FLAGS.includes(flag);
    if (!isValueFlag && !SWITCHES.includes(flag))
      throw new UsageError(flag.startsWith('-') ? `unknown option ${flag}` : `unexpected argument ${flag}`);
    if (given.has(flag)) throw new UsageError(`${flag} is given twice`);
    if (!isValueFlag) {
      given.set(flag, true);
      continue;
    }
    const value = argv[++i];
    if (value === undefined || value.startsWith('--')) throw new UsageError(`${flag} needs a value`);
    given.set(flag, value);
  }
  for (const flag of ['--app-id', '--server-secret', '--user-id'])
    if (!given.has(flag)) throw new UsageError(`${flag} is required`);
  return { given };
}

/** An integer flag in [min, max], written in plain decimal digits. */
function integerFlag(given, flag, min, max, fallback) {
  const text = given.get(flag);
  if (text === undefined) return fallback;
  const value = /^\d{1,16}$/.test(text) ? Number(text) : NaN;
  if (!(value >= min && value <= max)) throw new UsageError(`${flag} needs an integer from ${min} to ${max}`);
  return value;
}

/** The options of generateToken04, or a UsageError naming the flag at fault. */
function tokenOptions(given, server) {
  const appID = integerFlag(given, '--app-id', 1, 4294967295);
  const serverSecret = given.get('--server-secret');
  const secretProblem = server.serverSecretProblem(serverSecret);
  if (secretProblem) throw new UsageError(`--server-secret: ${secretProblem}`);
  const userID = given.get('--user-id');
  const userCode = server.checkUser({ userID });
  if (userCode) throw new UsageError(`--user-id is not a userID the SDK accepts (${server.ZegoErrorCode[userCode]} ${userCode})`);
  const roomID = given.get('--room-id');
  const roomCode = roomID === undefined ? 0 : server.checkRoomID(roomID);
  if (roomCode) throw new UsageError(`--room-id is not a roomID the SDK accepts (${server.ZegoErrorCode[roomCode]} ${roomCode})`);
  const effectiveTimeInSeconds = integerFlag(given, '--seconds', 1, MAX_SECONDS, 3600);
  const login = !given.has('--no-login-privilege');
  // The payload of ZEGO's privilege sample (token/nodejs/token04/sample/sample-rtc-room.js); publishing allowed.
  const payload =
    roomID === undefined && login
      ? ''
      : JSON.stringify({
          ...(roomID === undefined ? {} : { room_id: roomID }),
          privilege: { [server.PRIVILEGE_LOGIN]: login ? 1 : 0, [server.PRIVILEGE_PUBLISH]: 1 },
          stream_id_list: null,
        });
  return {
    appID,
    serverSecret,
    userID,
    effectiveTimeInSeconds,
    payload,
    mode: given.has('--cbc') ? 'cbc' : 'gcm',
    nowMs: Date.now(),
    // Real randomness for the nonce and iv (the generator takes it injected so tests can fix it).
    random: () => randomInt(0, 2 ** 47) / 2 ** 47,
  };
}

/** `exit` is the CLI's exit codes. */
export async function tokenCommand(argv, io, { exit }) {
  let parsed;
  try {
    parsed = parseTokenArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.err(`zego-room-bridge token: ${e.message}\n`);
    return exit.USAGE;
  }
  if (parsed.help) {
    io.out(TOKEN_HELP);
    return exit.OK;
  }
  const server = await importBuilt('token', 'server.mjs', io);
  if (!server) return exit.NOT_BUILT;
  let options;
  try {
    options = tokenOptions(parsed.given, server);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.err(`zego-room-bridge token: ${e.message}\n`);
    return exit.USAGE;
  }
  io.out(`${server.generateToken04(options)}\n`);
  return exit.OK;
}
