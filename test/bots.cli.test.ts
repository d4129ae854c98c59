// `zego-room-bridge bots`: N engines on the dev driver in one process, against a real `serve` process on
// loopback. What the server lists is read through its admin API; every wait is bounded.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { startServe, type ServeProcess } from './support/devServer';

jest.setTimeout(60_000);

const root = join(__dirname, '..');

interface BotsProcess {
  child: ChildProcess;
  stdout: string[];
  stderr: string[];
  /** Resolves once stdout matches; rejects after `timeoutMs` with what was printed. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<string>;
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
}

function startBots(args: string[]): BotsProcess {
  const child = spawn(process.execPath, [join(root, 'cli', 'zego-room-bridge.mjs'), 'bots', ...args], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stdout: string[] = [];
  const stderr: string[] = [];
  child.stdout!.on('data', (d) => stdout.push(String(d)));
  child.stderr!.on('data', (d) => stderr.push(String(d)));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const waitFor = (pattern: RegExp, timeoutMs = 15_000) =>
    new Promise<string>((resolve, reject) => {
      const check = () => {
        const hit = pattern.exec(stdout.join(''));
        if (!hit) return false;
        clearTimeout(timer);
        child.stdout!.off('data', check);
        resolve(hit[0]);
        return true;
      };
      const timer = setTimeout(() => {
        child.stdout!.off('data', check);
        reject(new Error(`no ${pattern} in ${timeoutMs} ms; stdout: ${stdout.join('')} stderr: ${stderr.join('')}`));
      }, timeoutMs);
      if (!check()) child.stdout!.on('data', check);
    });
  running.push(child);
  return { child, stdout, stderr, waitFor, exited };
}

/** Stops with SIGINT, as Ctrl-C does; SIGKILL after 10 s so a stuck process cannot outlive the test. */
async function interrupt(bots: BotsProcess): Promise<number | null> {
  const kill = setTimeout(() => bots.child.kill('SIGKILL'), 10_000);
  bots.child.kill('SIGINT');
  const code = await bots.exited;
  clearTimeout(kill);
  return code;
}

interface Member {
  userID: string;
  clientId: string;
  connected: boolean;
  notify: boolean;
}

async function membersOf(room: string): Promise<Member[] | undefined> {
  const res = await fetch(`${server.http}/api/state`, { headers: { authorization: `Bearer ${server.adminToken}` } });
  const state = (await res.json()) as { rooms: Array<{ roomID: string; members: Member[] }> };
  return state.rooms.find((r) => r.roomID === room)?.members;
}

async function labelsOf(room: string): Promise<string[]> {
  const res = await fetch(`${server.http}/api/state`, { headers: { authorization: `Bearer ${server.adminToken}` } });
  const state = (await res.json()) as { events: Array<{ roomID: string; userID: string; label: string }> };
  return state.events.filter((e) => e.roomID === room).map((e) => `${e.userID} ${e.label}`);
}

let server: ServeProcess;
const running: ChildProcess[] = [];

// ZEGO's 90 s heartbeat timeout: a room that empties within the test was emptied by logouts, not by silence.
beforeAll(async () => {
  server = await startServe();
});
afterAll(async () => {
  for (const child of running) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await server.stop();
});

test('--count 3: bot-1..bot-3 log in through the dev driver (a line per state change), the server lists them; Ctrl-C logs them out, exits 0 and the room empties', async () => {
  const bots = startBots(['--url', server.url, '--room', 'lobby', '--count', '3', '--heartbeat-interval-ms', '300']);
  await bots.waitFor(/^bots: 3 logged in to room lobby$/m);
  const lines = bots.stdout.join('').split('\n').filter(Boolean);
  for (const user of ['bot-1', 'bot-2', 'bot-3'])
    expect(lines.filter((l) => l.startsWith(`${user}:`))).toEqual([`${user}: Logining`, `${user}: Logined`]);
  expect(lines.at(-1)).toBe('bots: 3 logged in to room lobby');
  const members = (await membersOf('lobby'))!;
  expect(members.map((m) => [m.userID, m.connected, m.notify]).sort()).toEqual([
    ['bot-1', true, false],
    ['bot-2', true, false],
    ['bot-3', true, false],
  ]);
  // One device per bot.
  expect(new Set(members.map((m) => m.clientId)).size).toBe(3);

  expect(await interrupt(bots)).toBe(0);
  expect(bots.stderr.join('')).toContain('zego-room-bridge bots: 3 logged out\n');
  expect(await membersOf('lobby')).toBeUndefined();
  const labels = await labelsOf('lobby');
  expect(labels.filter((l) => l.endsWith(' Logout')).sort()).toEqual(['bot-1 Logout', 'bot-2 Logout', 'bot-3 Logout']);
});

test('--notify and --user-prefix: members with isUserStatusNotify, named PREFIX1..PREFIXN; each hears the others join', async () => {
  const bots = startBots(['--url', server.url, '--room', 'notify', '--count', '2', '--notify', '--user-prefix', 'tester-']);
  await bots.waitFor(/^bots: 2 logged in to room notify$/m);
  const members = (await membersOf('notify'))!;
  expect(members.map((m) => [m.userID, m.notify]).sort()).toEqual([
    ['tester-1', true],
    ['tester-2', true],
  ]);
  // The first in hears the second's Add (the server's timeline records each delivered push in the hearer's lane).
  const deadline = Date.now() + 5000;
  let labels = await labelsOf('notify');
  while (!labels.includes('tester-1 Add tester-2') && Date.now() < deadline) labels = await labelsOf('notify');
  expect(labels).toContain('tester-1 Add tester-2');
  expect(await interrupt(bots)).toBe(0);
  expect(await membersOf('notify')).toBeUndefined();
});

test('--churn: bots log out and back in (the server sees Logout then Logined again for the same user)', async () => {
  // 600 a minute: one every 100 ms.
  const bots = startBots([
    '--url',
    server.url,
    '--room',
    'churn',
    '--count',
    '2',
    '--churn',
    '600',
    '--heartbeat-interval-ms',
    '300',
  ]);
  await bots.waitFor(/^bots: 2 logged in to room churn$/m);
  const back = await bots.waitFor(/^(bot-\d): Logout\n(?:.*\n)*?\1: Logining\n(?:.*\n)*?\1: Logined$/m);
  const user = /^bot-\d/.exec(back)![0];
  const labels = await labelsOf('churn');
  const mine = labels.filter((l) => l.startsWith(`${user} `) && /(Logined|Logout)$/.test(l));
  expect(mine.slice(0, 3)).toEqual([`${user} Logined`, `${user} Logout`, `${user} Logined`]);
  expect(await interrupt(bots)).toBe(0);
  expect(await membersOf('churn')).toBeUndefined();
});

test('more than 20 bots: a summary line every 5 s instead of a line per change', async () => {
  const bots = startBots(['--url', server.url, '--room', 'crowd', '--count', '21']);
  await bots.waitFor(/^bots: 21 logged in to room crowd$/m);
  await bots.waitFor(/^bots: 21 Logined$/m, 8000);
  expect(bots.stdout.join('')).not.toMatch(/^bot-\d+:/m);
  expect((await membersOf('crowd'))!.length).toBe(21);
  expect(await interrupt(bots)).toBe(0);
  expect(await membersOf('crowd')).toBeUndefined();
});

describe('bad flags: exit 2, naming the flag, before any bot connects', () => {
  const url = 'ws://127.0.0.1:9';
  test.each([
    [['--room', 'r', '--count', '3'], 'zego-room-bridge bots: --url is required'],
    [['--url', url, '--count', '3'], 'zego-room-bridge bots: --room is required'],
    [['--url', url, '--room', 'r'], 'zego-room-bridge bots: --count is required'],
    [['--url', url, '--room', 'r', '--count', '0'], 'zego-room-bridge bots: --count must be a whole number from 1 to 10000'],
    [['--url', url, '--room', 'r', '--count', '10001'], 'zego-room-bridge bots: --count must be a whole number from 1 to 10000'],
    [
      ['--url', url, '--room', 'r', '--count', '2', '--churn', '-1'],
      'zego-room-bridge bots: --churn must be a whole number from 0 to 60000',
    ],
    [
      ['--url', url, '--room', 'r', '--count', '2', '--heartbeat-interval-ms', '5'],
      'zego-room-bridge bots: --heartbeat-interval-ms must be a whole number from 10 to 600000',
    ],
    [
      ['--url', url, '--room', 'r', '--count', '2', '--seed', '1.5'],
      'zego-room-bridge bots: --seed must be a whole number from 0 to 4294967295',
    ],
    [
      ['--url', 'http://127.0.0.1:9', '--room', 'r', '--count', '2'],
      "zego-room-bridge bots: --url must be the server's address, ws://HOST:PORT (what serve printed)",
    ],
    [['--url', url, '--room', 'r', '--count'], 'zego-room-bridge bots: --count needs a value'],
    [['--url', url, '--room', 'r', '--count', '2', '--counts', '3'], 'zego-room-bridge bots: unknown argument --counts'],
    [
      ['--url', url, '--room', 'a room', '--count', '2'],
      'zego-room-bridge bots: --room a room: ZEGO refuses it (1002012 RoomRoomidInvalidCharacter)',
    ],
    [
      ['--url', url, '--room', 'r', '--count', '2', '--user-prefix', 'x'.repeat(63)],
      `zego-room-bridge bots: --user-prefix ${'x'.repeat(63)}: user ID ${'x'.repeat(63)}2 is refused (1002007 RoomUserIdTooLong)`,
    ],
  ])('%j', async (args, message) => {
    const bots = startBots(args);
    expect(await bots.exited).toBe(2);
    expect(bots.stderr.join('')).toBe(`${message}\n`);
    expect(bots.stdout.join('')).toBe('');
  });
});
