// A WebSocket client that speaks the local room server's JSON protocol (src/dev/protocol.ts) frame by
// frame, for the hostile-client tests: it sends whatever it is told, records what comes back and how the
// socket closed. Every wait is bounded.
import WebSocket from 'ws';
import type { Clock, TimerHandle } from '../../src/host/clock';

export interface Closed {
  code: number;
  reason: string;
}

export class RawClient {
  readonly socket: WebSocket;
  readonly received: Array<Record<string, unknown>> = [];
  closed: Closed | undefined;
  opened = false;
  private waiters: Array<() => void> = [];

  constructor(url: string) {
    this.socket = new WebSocket(url);
    this.socket.on('open', () => {
      this.opened = true;
      this.wake();
    });
    this.socket.on('message', (data) => {
      this.received.push(JSON.parse(String(data)));
      this.wake();
    });
    this.socket.on('close', (code, reason) => {
      this.closed = { code, reason: String(reason) };
      this.wake();
    });
    // A refused handshake or a reset: the close event follows.
    this.socket.on('error', () => undefined);
  }

  /** Sends a message (an object is sent as JSON, a string or a Buffer as it is). */
  send(frame: Record<string, unknown> | string | Buffer): void {
    if (this.socket.readyState !== WebSocket.OPEN) return;
    this.socket.send(typeof frame === 'string' || Buffer.isBuffer(frame) ? frame : JSON.stringify(frame));
  }

  hello(clientId: string, v = 1): void {
    this.send({ t: 'hello', v, clientId, appID: 1 });
  }

  login(room: string, userID: string, attempt = 1, notify = false): void {
    this.send({
      t: 'login',
      room,
      attempt,
      userID,
      userName: userID,
      token: '',
      maxMemberCount: 0,
      notify,
      reconnect: false,
    });
  }

  /** Resolves once `done()` is true; rejects with `what` after `timeoutMs`. */
  until(done: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (!done()) return;
        clearTimeout(timer);
        this.waiters = this.waiters.filter((w) => w !== check);
        resolve();
      };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== check);
        reject(
          new Error(
            `${what}: not within ${timeoutMs} ms (received ${JSON.stringify(this.received)}, closed ${JSON.stringify(this.closed)})`,
          ),
        );
      }, timeoutMs);
      this.waiters.push(check);
      check();
    });
  }

  /** The first received message of type `t` (after `from`), waiting for it. */
  async next(t: string, from = 0, timeoutMs = 5000): Promise<Record<string, unknown>> {
    const find = () => this.received.slice(from).find((m) => m.t === t);
    await this.until(() => !!find() || !!this.closed, `a "${t}" message`, timeoutMs);
    const found = find();
    if (!found) throw new Error(`closed ${JSON.stringify(this.closed)} before a "${t}" message`);
    return found;
  }

  async whenOpen(timeoutMs = 5000): Promise<void> {
    await this.until(() => this.opened || !!this.closed, 'open', timeoutMs);
    if (!this.opened) throw new Error(`closed ${JSON.stringify(this.closed)} before opening`);
  }

  async whenClosed(timeoutMs = 5000): Promise<Closed> {
    await this.until(() => !!this.closed, 'close', timeoutMs);
    return this.closed!;
  }

  /** Says hello and waits for the welcome. */
  async greet(clientId: string): Promise<void> {
    await this.whenOpen();
    this.hello(clientId);
    await this.next('welcome');
  }

  terminate(): void {
    this.socket.terminate();
  }

  private wake(): void {
    for (const w of [...this.waiters]) w();
  }
}

/** Resolves once `done()` is true, checking every 10 ms; rejects with `what` after `timeoutMs`. */
export function waitUntil(done: () => boolean, what: string, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const poll = setInterval(() => {
      if (done()) {
        clearInterval(poll);
        resolve();
      } else if (Date.now() - started > timeoutMs) {
        clearInterval(poll);
        reject(new Error(`${what}: not within ${timeoutMs} ms`));
      }
    }, 10);
  });
}

/**
 * Real timers, and a `now()` the test can move forward: the server's hello timeout or heartbeat timeout
 * passes at once, while sockets, the rate limit's refill and the engines' own clocks keep real time.
 */
export class JumpClock implements Clock {
  private offset = 0;

  now(): number {
    return Date.now() + this.offset;
  }

  setTimeout(fn: () => void, ms: number): TimerHandle {
    return setTimeout(fn, ms);
  }

  clearTimeout(handle: TimerHandle): void {
    clearTimeout(handle as ReturnType<typeof setTimeout>);
  }

  jump(ms: number): void {
    this.offset += ms;
  }
}
