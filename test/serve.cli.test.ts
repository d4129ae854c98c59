// `zego-room-bridge serve` as a user runs it: its flags (each bounded, a bad one exits 2 naming it), what it
// prints when ready, the LAN and no-secret warnings, and Ctrl-C closing every socket and exiting 0.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import WebSocket from 'ws';
import { startServe } from './support/devServer';

const cli = join(__dirname, '..', 'cli', 'zego-room-bridge.mjs');

test.each([
  [['--port', '70000'], 'zego-room-bridge serve: --port must be a whole number from 0 to 65535'],
  [['--port'], 'zego-room-bridge serve: --port needs a value'],
  [['--heartbeat-timeout-ms', '50'], 'zego-room-bridge serve: --heartbeat-timeout-ms must be a whole number from 100 to 3600000'],
  [['--app-id', '1'], 'zego-room-bridge serve: --app-id and --server-secret go together (both, or neither)'],
  [
    ['--app-id', '1', '--server-secret', 'short'],
    'zego-room-bridge serve: --server-secret must be the 32-character ServerSecret from ZEGO’s console',
  ],
  [['--host', ''], 'zego-room-bridge serve: --host must be 1 to 256 characters'],
  [['--verbose'], 'zego-room-bridge serve: unknown argument --verbose'],
])('serve %j exits 2: %s', (args, message) => {
  const run = spawnSync(process.execPath, [cli, 'serve', ...args], { encoding: 'utf8', timeout: 20_000 });
  expect([run.status, run.stderr.trim(), run.stdout]).toEqual([2, message, '']);
});

test('ready: `listening ws://HOST:PORT`, the dashboard and the admin token on stdout; without a secret it says tokens are not checked', async () => {
  const server = await startServe();
  try {
    const out = server.output.join('');
    expect(out).toMatch(/^listening ws:\/\/127\.0\.0\.1:\d+\n/m);
    expect(out).toContain(`dashboard ${server.http}/#token=${server.adminToken}`);
    expect(out).toContain('tokens are NOT checked');
    expect(out).not.toContain('WARNING');
    // The dashboard is served with the demo's timeline style filled in (cli/timelineStyle.mjs).
    const page = await (await fetch(`${server.http}/`)).text();
    expect(page).toContain('const STYLE = {"LEFT":64,');
    expect(page).not.toContain('/* TIMELINE_STYLE */');
  } finally {
    await server.stop();
  }
});

test('a host other machines can reach (0.0.0.0, a LAN address) gets the warning; a loopback one does not', async () => {
  // The check itself, not a bind: tests listen on loopback only. (cli/ is ES modules: asked through node.)
  const hosts = ['0.0.0.0', '192.168.1.20', '::', '127.0.0.1', '127.0.0.2', 'localhost', '::1'];
  const script = `import('${join(__dirname, '..', 'cli', 'serve.mjs')}').then((m) => console.log(JSON.stringify(${JSON.stringify(hosts)}.map(m.lanWarning))))`;
  const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 20_000 });
  const warn = (host: string) =>
    `WARNING: listening on ${host}: anyone on your network can join rooms (and, with the admin token, press faults)`;
  expect(JSON.parse(run.stdout)).toEqual([warn('0.0.0.0'), warn('192.168.1.20'), warn('::'), '', '', '', '']);
});

test('a loopback --host other than 127.0.0.1 is served without the warning', async () => {
  const server = await startServe(['--host', '127.0.0.2']);
  try {
    expect(server.url).toMatch(/^ws:\/\/127\.0\.0\.2:\d+$/);
    expect(server.output.join('')).not.toContain('WARNING');
  } finally {
    await server.stop();
  }
});

test('Ctrl-C closes every socket with 1001 and exits 0', async () => {
  const server = await startServe();
  const socket = new WebSocket(server.url);
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
  await server.stop();
  expect(await closed).toBe(1001);
  expect(server.output.join('')).toContain('zego-room-bridge serve: closed');
});
