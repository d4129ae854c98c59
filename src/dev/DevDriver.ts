// The `dev` room driver: the RoomDriver contract over a WebSocket to the local room server
// (`npx zego-room-bridge serve`, docs/DEVSERVER.md). Any WebSocket class with addEventListener/send/close
// works: the browser's (WebGL), PuerTS's own on native backends (addEventListener only, events on Tick),
// the `ws` package in Node. Heartbeats find a silent link (nothing received, no close) within two intervals.
import type { Clock, TimerHandle } from '../host/clock.js';
import { ZegoErrorCode } from '../model/errorCodes.js';
import type { ZegoUpdateType } from '../model/enums.js';
import type { LoginRequest, RoomDriver, RoomDriverContext, RoomDriverEvents } from '../driver/RoomDriver.js';
import { DEV_PROTOCOL_VERSION, SERVER_MESSAGES, readDevMessage, type DevMessage } from './protocol.js';

/** The part of a WebSocket the driver uses (the browser's, PuerTS's and `ws` all have it). */
export interface DevWebSocket {
  addEventListener(type: 'open' | 'message' | 'close' | 'error', listener: (event: { data?: unknown }) => void): void;
  send(text: string): void;
  close(code?: number, reason?: string): void;
}

export type DevWebSocketClass = new (url: string) => DevWebSocket;

export interface DevDriverOptions {
  /** The server, `ws://host:port` (what `serve` printed). */
  url: string;
  /** Defaults to the global WebSocket (the browser's, PuerTS's). In Node pass the `ws` package's. */
  WebSocket?: DevWebSocketClass;
  /** A heartbeat every this many ms; a link silent for two of them is lost. Default 5000. */
  heartbeatIntervalMs?: number;
  /** Names this device to the server (its member sessions survive reconnections). Default: random. */
  clientId?: string;
}

export const DEV_DRIVER_NAME = 'dev';
export const DEFAULT_DEV_HEARTBEAT_MS = 5000;

interface Session {
  /** The server's member session. */
  key: number;
  /** The engine's attempt that made it. */
  id: number;
  /** The client heard its login succeed and has not since lost the link or started a new attempt. */
  heard: boolean;
}

let devicesMade = 0;

/** A `dev` driver for one engine. Throws TypeError for a bad url or interval (before any engine exists). */
export function createDevDriver(options: DevDriverOptions): RoomDriver {
  if (!options || typeof options.url !== 'string' || !/^wss?:\/\/[^\s/]/.test(options.url))
    throw new TypeError('createDevDriver: url must be ws://host:port or wss://host:port');
  const interval = options.heartbeatIntervalMs ?? DEFAULT_DEV_HEARTBEAT_MS;
  if (typeof interval !== 'number' || !Number.isInteger(interval) || interval < 10 || interval > 600_000)
    throw new TypeError('createDevDriver: heartbeatIntervalMs must be an integer from 10 to 600000');
  const socketClass = options.WebSocket ?? (globalThis as { WebSocket?: DevWebSocketClass }).WebSocket;
  if (typeof socketClass !== 'function')
    throw new TypeError('createDevDriver: no WebSocket here; pass one (in Node: the `ws` package)');
  return new DevDriver(options.url, socketClass, interval, options.clientId);
}

class DevDriver implements RoomDriver {
  private context: RoomDriverContext | undefined;
  private clock!: Clock;
  private socket: DevWebSocket | undefined;
  /** The server answered hello: frames go out at once; before that they wait in `queue`. */
  private welcomed = false;
  private queue: string[] = [];
  private lastHeard = 0;
  private heartbeat: TimerHandle | undefined;
  private watchdog: TimerHandle | undefined;
  private readonly attempts = new Map<string, number>();
  private readonly sessions = new Map<string, Session>();
  private stopped = false;
  private readonly clientId: string;

  constructor(
    private readonly url: string,
    private readonly socketClass: DevWebSocketClass,
    private readonly intervalMs: number,
    clientId: string | undefined,
  ) {
    this.clientId = clientId || `dev-${(++devicesMade).toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
  }

  start(context: RoomDriverContext): void {
    this.context = context;
    this.clock = context.clock;
  }

  login(request: LoginRequest): void {
    const { roomID, attemptID } = request;
    this.attempts.set(roomID, attemptID);
    const held = this.sessions.get(roomID);
    // Logging in (again): until the answer, this client does not count itself in the room.
    if (held) held.heard = false;
    this.send({
      t: 'login',
      room: roomID,
      attempt: attemptID,
      userID: request.user.userID,
      userName: request.user.userName,
      token: request.token,
      maxMemberCount: request.maxMemberCount,
      notify: request.isUserStatusNotify,
      reconnect: request.reconnect,
    });
  }

  cancelLogin(roomID: string): void {
    // A late answer is dropped by its id; the engine logs out next, which the server sees after the login.
    this.attempts.delete(roomID);
  }

  logout(roomID: string): void {
    this.attempts.delete(roomID);
    this.sessions.delete(roomID);
    if (this.socket) this.send({ t: 'logout', room: roomID });
    // Nothing left to keep a link for: close it (an idle client holds no socket).
    if (this.attempts.size === 0 && this.sessions.size === 0) this.disconnect();
  }

  switchRoom(fromRoomID: string, request: LoginRequest): void {
    this.attempts.delete(fromRoomID);
    this.sessions.delete(fromRoomID);
    this.send({ t: 'logout', room: fromRoomID });
    this.login(request);
  }

  renewToken(roomID: string, token: string): void {
    if (this.sessions.has(roomID)) this.send({ t: 'renew', room: roomID, token });
  }

  stop(): void {
    this.stopped = true;
    this.attempts.clear();
    this.sessions.clear();
    this.disconnect();
  }

  // ---- the link ----------------------------------------------------------------------------

  private send(message: Record<string, unknown>): void {
    if (this.stopped) return;
    const text = JSON.stringify(message);
    if (!this.socket) this.connect();
    if (this.welcomed) this.transmit(text);
    else this.queue.push(text);
  }

  /** A socket that closed under us may throw on send (a browser's while connecting); its close event follows. */
  private transmit(text: string): void {
    try {
      this.socket?.send(text);
    } catch {
      // the close event reports the loss
    }
  }

  private connect(): void {
    let socket: DevWebSocket;
    try {
      socket = new this.socketClass(this.url);
    } catch (error) {
      // A socket that cannot even be made fails every attempt in flight, on a later turn.
      this.socket = undefined;
      this.later(0, () => this.linkLost(undefined, String(error)));
      return;
    }
    this.socket = socket;
    this.welcomed = false;
    this.lastHeard = this.clock.now();
    socket.addEventListener('open', () => {
      if (this.socket !== socket) return;
      this.lastHeard = this.clock.now();
      this.transmit(JSON.stringify({ t: 'hello', v: DEV_PROTOCOL_VERSION, clientId: this.clientId, appID: this.context!.appID }));
    });
    socket.addEventListener('message', (event) => {
      if (this.socket === socket) this.receive(event.data);
    });
    socket.addEventListener('close', () => {
      if (this.socket === socket) this.linkLost(socket, 'closed');
    });
    // An error is followed by a close (browser, ws, PuerTS); nothing to do until then.
    socket.addEventListener('error', () => undefined);
    this.armWatchdog();
  }

  private disconnect(): void {
    const socket = this.socket;
    this.socket = undefined;
    this.welcomed = false;
    this.queue = [];
    this.clearTimers();
    if (socket) {
      try {
        socket.close(1000, 'logged out');
      } catch {
        // already closing
      }
    }
  }

  private receive(data: unknown): void {
    if (this.stopped || typeof data !== 'string') return;
    this.lastHeard = this.clock.now();
    const message = readDevMessage(data, SERVER_MESSAGES);
    if (typeof message === 'string') return; // a newer server's message, or garbage: not for this driver
    if (message.t === 'welcome') {
      this.welcomed = true;
      const waiting = this.queue;
      this.queue = [];
      for (const text of waiting) this.transmit(text);
      this.scheduleHeartbeat();
      return;
    }
    this.dispatch(message, this.context!.events);
  }

  private dispatch(message: DevMessage, events: RoomDriverEvents): void {
    const roomID = message.room as string;
    const key = message.key as number;
    switch (message.t) {
      case 'loginResult': {
        const attemptID = message.attempt as number;
        if (this.attempts.get(roomID) !== attemptID) return; // cancelled or superseded
        this.attempts.delete(roomID);
        const code = message.code as number;
        if (message.kicked === true) {
          this.sessions.delete(roomID);
          events.onKickOut(roomID, attemptID, code, message.ext as string);
          return;
        }
        if (code === 0) this.sessions.set(roomID, { key, id: attemptID, heard: true });
        events.onLoginResult(roomID, attemptID, code, message.ext as string);
        return;
      }
      case 'kick': {
        const session = this.sessions.get(roomID);
        if (!session || session.key !== key) return;
        this.sessions.delete(roomID);
        events.onKickOut(roomID, session.id, message.code as number, '');
        return;
      }
      case 'userUpdate': {
        const id = this.reaches(roomID, key);
        if (id)
          events.onRoomUserUpdate(
            roomID,
            id,
            message.update as ZegoUpdateType,
            message.users as Array<{ userID: string; userName: string }>,
          );
        return;
      }
      case 'count': {
        const id = this.reaches(roomID, key);
        if (id) events.onRoomOnlineUserCountUpdate(roomID, id, message.count as number);
        return;
      }
      case 'tokenWillExpire': {
        const id = this.reaches(roomID, key);
        if (id) events.onRoomTokenWillExpire(roomID, id, message.remain as number);
        return;
      }
    }
  }

  /** The session a push for member session `key` reaches; 0 when none (a client ignores a room it is not in). */
  private reaches(roomID: string, key: number): number {
    const session = this.sessions.get(roomID);
    return session && session.heard && session.key === key ? session.id : 0;
  }

  /**
   * The link is gone (closed, or silent for two heartbeats): every attempt in flight fails (1002030),
   * then every room this client is in loses its link (1002051); the engine reconnects.
   */
  private linkLost(socket: DevWebSocket | undefined, why: string): void {
    if (this.stopped || !this.context) return;
    if (socket && this.socket === socket) {
      this.socket = undefined;
      try {
        socket.close(4408, why);
      } catch {
        // already closed
      }
    }
    this.welcomed = false;
    this.queue = [];
    this.clearTimers();
    const events = this.context.events;
    const failed = [...this.attempts];
    this.attempts.clear();
    for (const [roomID, attemptID] of failed) events.onLoginResult(roomID, attemptID, ZegoErrorCode.RoomErrorConnectFailed, '');
    for (const [roomID, session] of this.sessions) {
      if (!session.heard) continue;
      session.heard = false;
      events.onLinkLost(roomID, session.id, ZegoErrorCode.RoomConnectTemporaryBroken);
    }
  }

  private scheduleHeartbeat(): void {
    this.heartbeat = this.clock.setTimeout(() => {
      this.heartbeat = undefined;
      if (!this.socket || !this.welcomed) return;
      this.transmit('{"t":"hb"}');
      this.scheduleHeartbeat();
    }, this.intervalMs);
  }

  /**
   * Fires two intervals after the last frame heard; re-arms while frames keep coming. A check that runs late
   * means this thread stalled (a scene load, a breakpoint, a busy machine), not that the link did: frames may
   * be waiting behind the stall, so the link gets one short grace check after them before it is declared lost.
   */
  private armWatchdog(graceGiven = false): void {
    const dueAt = graceGiven ? this.clock.now() + this.graceMs() : this.lastHeard + 2 * this.intervalMs;
    this.watchdog = this.clock.setTimeout(
      () => {
        this.watchdog = undefined;
        const socket = this.socket;
        if (!socket) return;
        const now = this.clock.now();
        if (now - this.lastHeard < 2 * this.intervalMs) this.armWatchdog();
        else if (!graceGiven && now - dueAt > this.graceMs()) this.armWatchdog(true);
        else this.linkLost(socket, 'silent');
      },
      Math.max(0, dueAt - this.clock.now()),
    );
  }

  /** How late a check may run before it counts as a stall, and how long the grace check waits. */
  private graceMs(): number {
    return Math.max(50, Math.floor(this.intervalMs / 4));
  }

  private clearTimers(): void {
    if (this.heartbeat !== undefined) this.clock.clearTimeout(this.heartbeat);
    if (this.watchdog !== undefined) this.clock.clearTimeout(this.watchdog);
    this.heartbeat = undefined;
    this.watchdog = undefined;
  }

  private later(ms: number, fn: () => void): void {
    this.clock.setTimeout(() => {
      if (!this.stopped) fn();
    }, ms);
  }
}
