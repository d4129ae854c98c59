// The local room server under load (`npm run bench`, section "Local room server"): a `serve` process of
// its own (so its RSS and CPU are its own, read from /proc), and lightweight clients in this process
// speaking the wire protocol (docs/DEVSERVER.md) over loopback with the `ws` package. Every phase is bounded
// in count and time; the server process is always killed.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import WebSocket from 'ws';

export const SESSIONS = 10_000;
export const ROOMS = 100;
export const RSS_TARGET_MB = 300;
export const LOGIN_RATE = 500;
export const LOGIN_SECONDS = 10;
export const LOGIN_P99_TARGET_MS = 50;
export const FANOUT_LISTENERS = 1000;
export const FANOUT_JOINS = 20;
export const FANOUT_P99_TARGET_MS = 100;
const STEPS = [0, 1000, 2500, 5000, 10_000];
const PHASE_LIMIT_MS = 120_000;

/** Server-side figures of a process: resident memory (MB) and CPU seconds (user + system). */
function usage(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15 of stat)
  return { rssMB: rssKb / 1024, cpuS: ticks / 100 };
}

function startServer(root) {
  const child = spawn(
    process.execPath,
    [join(root, 'cli', 'zego-room-bridge.mjs'), 'serve', '--port', '0', '--admin-token', 'bench'],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`serve did not start: ${out}`)), 20_000);
    child.stdout.on('data', (d) => {
      out += d;
      const url = /listening (ws:\/\/\S+)/.exec(out)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve({ child, url });
      }
    });
    child.stderr.on('data', (d) => (out += d));
    child.once('exit', (code) => reject(new Error(`serve exited (${code}): ${out}`)));
  });
}

let clientCount = 0;

/** One device: a socket that said hello; `request` sends a frame and resolves with the first answer that matches. */
function connect(url) {
  const id = `bench-${++clientCount}`;
  const socket = new WebSocket(url, { perMessageDeflate: false });
  const waiting = [];
  const client = {
    id,
    socket,
    onFrame: undefined,
    send: (message) => socket.send(JSON.stringify(message)),
    next(match, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const entry = { match, resolve };
        entry.timer = setTimeout(() => {
          waiting.splice(waiting.indexOf(entry), 1);
          reject(new Error(`${id}: no answer in ${timeoutMs} ms`));
        }, timeoutMs);
        waiting.push(entry);
      });
    },
  };
  socket.on('message', (data) => {
    const message = JSON.parse(String(data));
    client.onFrame?.(message);
    const i = waiting.findIndex((w) => w.match(message));
    if (i >= 0) {
      const [entry] = waiting.splice(i, 1);
      clearTimeout(entry.timer);
      entry.resolve(message);
    }
  });
  socket.on('error', () => undefined);
  return new Promise((resolve, reject) => {
    socket.once('open', () => {
      client.send({ t: 'hello', v: 1, clientId: id, appID: 1 });
      client.next((m) => m.t === 'welcome').then(() => resolve(client), reject);
    });
    socket.once('error', reject);
  });
}

let attempts = 0;
function loginFrame(room, userID, notify) {
  return {
    t: 'login',
    room,
    attempt: ++attempts,
    userID,
    userName: userID,
    token: '',
    maxMemberCount: 0,
    notify,
    reconnect: false,
  };
}

async function login(client, room, notify = false) {
  const frame = loginFrame(room, client.id, notify);
  const answer = client.next((m) => m.t === 'loginResult' && m.attempt === frame.attempt);
  client.send(frame);
  const result = await answer;
  if (result.code !== 0) throw new Error(`login refused: ${result.code}`);
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/** Holds SESSIONS sessions in ROOMS rooms, sampling the server at each step. */
async function sessions(url, pid, log) {
  const clients = [];
  const table = [{ sessions: 0, ...usage(pid) }];
  const deadline = Date.now() + PHASE_LIMIT_MS;
  for (const step of STEPS.slice(1)) {
    while (clients.length < step) {
      if (Date.now() > deadline) throw new Error(`sessions: ${clients.length} after ${PHASE_LIMIT_MS} ms`);
      const batch = Math.min(250, step - clients.length);
      const made = await Promise.all(
        Array.from({ length: batch }, async () => {
          const c = await connect(url);
          await login(c, `room-${(clients.length + batch) % ROOMS}`);
          return c;
        }),
      );
      clients.push(...made);
    }
    // Every session says it is alive once, so the server holds them all (and has answered everything).
    await Promise.all(
      clients.map((c) => {
        const pong = c.next((m) => m.t === 'hb');
        c.send({ t: 'hb' });
        return pong;
      }),
    );
    table.push({ sessions: step, ...usage(pid) });
    log(`server bench: ${step} sessions, ${table.at(-1).rssMB.toFixed(0)} MB`);
  }
  return { clients, table };
}

/** LOGIN_RATE logins a second for LOGIN_SECONDS on already-open sockets; round trip per login. */
async function loginRate(url) {
  const pool = await Promise.all(Array.from({ length: LOGIN_RATE }, () => connect(url)));
  const rtts = [];
  const total = LOGIN_RATE * LOGIN_SECONDS;
  const started = Date.now();
  let sent = 0;
  const pending = [];
  await new Promise((resolve) => {
    const tick = setInterval(() => {
      const due = Math.min(total, Math.floor(((Date.now() - started) / 1000) * LOGIN_RATE));
      for (; sent < due; sent++) {
        const c = pool[sent % pool.length];
        const frame = loginFrame(`rate-${sent % 50}`, c.id, false);
        const at = performance.now();
        pending.push(
          c.next((m) => m.t === 'loginResult' && m.attempt === frame.attempt).then(() => rtts.push(performance.now() - at)),
        );
        c.send(frame);
      }
      if (sent >= total) {
        clearInterval(tick);
        resolve();
      }
    }, 5);
  });
  await Promise.all(pending);
  const wallS = (Date.now() - started) / 1000;
  for (const c of pool) c.socket.terminate();
  rtts.sort((a, b) => a - b);
  return { logins: total, perSecond: total / wallS, p50: percentile(rtts, 50), p99: percentile(rtts, 99), max: rtts.at(-1) };
}

/** FANOUT_LISTENERS members asking for user updates; each join's Add timed at every listener. */
async function fanOut(url) {
  const listeners = [];
  for (let i = 0; i < FANOUT_LISTENERS; i += 100) {
    const batch = await Promise.all(Array.from({ length: 100 }, () => connect(url)));
    for (const c of batch) await login(c, 'fan', true);
    listeners.push(...batch);
  }
  // Let the joins of the listeners themselves reach everyone before timing.
  await new Promise((r) => setTimeout(r, 1000));
  const samples = [];
  const joiners = await Promise.all(Array.from({ length: FANOUT_JOINS }, () => connect(url)));
  for (const joiner of joiners) {
    const at = performance.now();
    const heard = listeners.map(
      (l) =>
        new Promise((resolve) => {
          l.onFrame = (m) => {
            if (m.t === 'userUpdate' && m.update === 0 && m.users.some((u) => u.userID === joiner.id)) {
              samples.push(performance.now() - at);
              l.onFrame = undefined;
              resolve();
            }
          };
        }),
    );
    joiner.send(loginFrame('fan', joiner.id, false));
    await Promise.race([
      Promise.all(heard),
      new Promise((_, reject) => setTimeout(() => reject(new Error('fan-out: not every listener heard in 10 s')), 10_000)),
    ]);
  }
  for (const c of [...listeners, ...joiners]) c.socket.terminate();
  samples.sort((a, b) => a - b);
  return {
    listeners: FANOUT_LISTENERS,
    joins: FANOUT_JOINS,
    p50: percentile(samples, 50),
    p99: percentile(samples, 99),
    max: samples.at(-1),
  };
}

/** Runs the three phases against one server process; null (reason logged) when it could not run. */
export async function serverBench(root, log) {
  let server;
  try {
    server = await startServer(root);
    const pid = server.child.pid;
    const held = await sessions(server.url, pid, log);
    const peak = held.table.at(-1);
    for (const c of held.clients) c.socket.terminate();
    log('server bench: sessions done');
    const rate = await loginRate(server.url);
    log('server bench: login rate done');
    const fan = await fanOut(server.url);
    log('server bench: fan-out done');
    return { table: held.table, peak, rate, fan };
  } catch (e) {
    log(`server bench not run: ${String(e.message ?? e).split('\n')[0]}`);
    return null;
  } finally {
    server?.child.kill('SIGKILL');
  }
}

const ms = (x) => `${x.toFixed(1)} ms`;

export function serverTargets(r) {
  if (!r) return [['local room server: 10,000 sessions, RSS ≤ 300 MB', false, 'not measured (see the log)']];
  return [
    [
      `local room server: ${SESSIONS.toLocaleString('en')} sessions in ${ROOMS} rooms, RSS ≤ ${RSS_TARGET_MB} MB`,
      r.peak.rssMB <= RSS_TARGET_MB,
      `${r.peak.rssMB.toFixed(0)} MB`,
    ],
    [
      `local room server: ${LOGIN_RATE} logins/s sustained, p99 round trip ≤ ${LOGIN_P99_TARGET_MS} ms`,
      r.rate.perSecond >= LOGIN_RATE * 0.95 && r.rate.p99 <= LOGIN_P99_TARGET_MS,
      `${Math.round(r.rate.perSecond)}/s, p99 ${ms(r.rate.p99)}`,
    ],
    [
      `local room server: one Add to ${FANOUT_LISTENERS.toLocaleString('en')} listeners, p99 ≤ ${FANOUT_P99_TARGET_MS} ms`,
      r.fan.p99 <= FANOUT_P99_TARGET_MS,
      `p99 ${ms(r.fan.p99)}`,
    ],
  ];
}

export function serverSection(r) {
  if (!r) return '## Local room server\n\nNot measured in this run (the log says why).\n\n';
  const rows = r.table
    .map((t) => `| ${t.sessions.toLocaleString('en')} | ${t.rssMB.toFixed(0)} MB | ${t.cpuS.toFixed(2)} s |`)
    .join('\n');
  return `## Local room server

\`zego-room-bridge serve\` in a process of its own (figures from /proc), clients in the bench process
speaking the wire protocol over loopback (\`ws\`, no compression); sessions without \`isUserStatusNotify\`
except in the fan-out room.

**Sessions held** (${ROOMS} rooms, logged in 250 at a time; each answered a heartbeat before the sample):

| sessions | server RSS | server CPU (cumulative) |
|---:|---:|---:|
${rows}

**Login rate**: ${r.rate.logins.toLocaleString('en')} logins at ${Math.round(r.rate.perSecond)} per second on open sockets — round trip (login sent →
loginResult received) p50 ${ms(r.rate.p50)}, **p99 ${ms(r.rate.p99)}**, max ${ms(r.rate.max)}.

**Fan-out**: ${r.fan.joins} joins into a room of ${r.fan.listeners.toLocaleString('en')} members that asked for user updates — join sent → each
member's Add received (including the server's 20 ms push window): p50 ${ms(r.fan.p50)}, **p99 ${ms(r.fan.p99)}**, max ${ms(r.fan.max)} (${(r.fan.joins * r.fan.listeners).toLocaleString('en')} deliveries).

`;
}
