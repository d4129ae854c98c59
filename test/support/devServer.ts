// Real-network helpers for the local room server's tests: a `serve` process on a free loopback port,
// engines on the dev driver (the `ws` package's WebSocket) that record what the app sees, and waits
// bounded in time. Every server a test starts is stopped by the test.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import WebSocket from 'ws';
import {
  ZegoExpressEngine,
  ZegoRoomStateChangedReason as R,
  ZegoUpdateType,
  createDevDriver,
  seededRandom,
  type DevWebSocketClass,
} from '../../src/index';

const root = join(__dirname, '..', '..');

export interface ServeProcess {
  url: string;
  http: string;
  adminToken: string;
  output: string[];
  stop(): Promise<void>;
}

/** Starts `node cli/zego-room-bridge.mjs serve --port 0 …`; resolves once it prints `listening`. */
export function startServe(args: string[] = [], timeoutMs = 15_000): Promise<ServeProcess> {
  const child: ChildProcess = spawn(
    process.execPath,
    [join(root, 'cli', 'zego-room-bridge.mjs'), 'serve', '--port', '0', ...args],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const output: string[] = [];
  return new Promise((resolve, reject) => {
    let url = '';
    let adminToken = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`serve did not start in ${timeoutMs} ms: ${output.join('')}`));
    }, timeoutMs);
    const stop = () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null || child.signalCode !== null) return done();
        const kill = setTimeout(() => child.kill('SIGKILL'), 5000);
        child.once('exit', () => {
          clearTimeout(kill);
          done();
        });
        child.kill('SIGINT');
      });
    child.stderr!.on('data', (d) => output.push(String(d)));
    child.stdout!.on('data', (d) => {
      output.push(String(d));
      const text = output.join('');
      url = /listening (ws:\/\/\S+)/.exec(text)?.[1] ?? url;
      adminToken = /admin token (\S+)/.exec(text)?.[1] ?? adminToken;
      if (url && adminToken) {
        clearTimeout(timer);
        resolve({ url, http: url.replace(/^ws:/, 'http:'), adminToken, output, stop });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited (${code}) before listening: ${output.join('')}`));
    });
  });
}

/** POSTs a fault to the admin API; resolves with the HTTP status. */
export async function admin(
  server: { http: string; adminToken: string },
  path: string,
  token = server.adminToken,
): Promise<number> {
  const res = await fetch(`${server.http}/api/${path}`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
  await res.text();
  return res.status;
}

export type Seen =
  | { at: number; cb: 'state'; room: string; reason: R; code: number }
  | { at: number; cb: 'user'; room: string; type: ZegoUpdateType; users: string[] };

/** One engine on the dev driver, recording what its app sees (time in ms since the recorder began). */
export class DevClient {
  readonly seen: Seen[] = [];
  readonly engine: ZegoExpressEngine;
  private readonly t0 = Date.now();
  private waiters: Array<() => void> = [];

  constructor(
    readonly userID: string,
    url: string,
    options: { heartbeatIntervalMs?: number; retryWindowMs?: number; clientId?: string } = {},
  ) {
    this.engine = ZegoExpressEngine.createEngine({
      appID: 1,
      driver: createDevDriver({
        url,
        WebSocket: WebSocket as unknown as DevWebSocketClass,
        heartbeatIntervalMs: options.heartbeatIntervalMs ?? 200,
        clientId: options.clientId ?? `client-${userID}`,
      }),
      random: seededRandom(7),
      retryWindowMs: options.retryWindowMs,
      logger: { warn: () => undefined, error: () => undefined },
    });
    this.engine.setEventHandler({
      onRoomStateChanged: (room, reason, code) => this.record({ at: this.now(), cb: 'state', room, reason, code }),
      onRoomUserUpdate: (room, type, users) =>
        this.record({ at: this.now(), cb: 'user', room, type, users: users.map((u) => u.userID) }),
    });
  }

  now(): number {
    return Date.now() - this.t0;
  }

  login(room: string, token = ''): void {
    this.engine.loginRoom(room, { userID: this.userID, userName: this.userID }, { isUserStatusNotify: true, token });
  }

  states(room?: string): Array<[R, number]> {
    return this.seen.flatMap((s) =>
      s.cb === 'state' && (room === undefined || s.room === room) ? [[s.reason, s.code] as [R, number]] : [],
    );
  }

  users(): Array<[ZegoUpdateType, string[]]> {
    return this.seen.flatMap((s) => (s.cb === 'user' ? [[s.type, s.users] as [ZegoUpdateType, string[]]] : []));
  }

  /** Resolves with the first recorded entry (from `from` on) that matches; rejects after `timeoutMs`. */
  waitFor(match: (s: Seen) => boolean, timeoutMs = 10_000, from = 0): Promise<Seen> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const hit = this.seen.slice(from).find(match);
        if (!hit) return false;
        clearTimeout(timer);
        this.waiters = this.waiters.filter((w) => w !== check);
        resolve(hit);
        return true;
      };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== check);
        reject(new Error(`${this.userID}: nothing matched in ${timeoutMs} ms; saw ${JSON.stringify(this.seen)}`));
      }, timeoutMs);
      if (!check()) this.waiters.push(check);
    });
  }

  waitForState(reason: R, timeoutMs = 10_000, from = 0): Promise<Seen> {
    return this.waitFor((s) => s.cb === 'state' && s.reason === reason, timeoutMs, from);
  }

  destroy(): void {
    this.engine.destroy();
  }

  private record(s: Seen): void {
    this.seen.push(s);
    for (const w of [...this.waiters]) w();
  }
}
