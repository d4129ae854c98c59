// The local room server (`npx zego-room-bridge serve`, docs/DEVSERVER.md): the room semantics of
// src/rooms/RoomService.ts over real WebSockets, in memory, with faults a developer can press and an
// admin HTTP API the dashboard uses. Node only (http, ws); never part of a Unity bundle.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { hostClock, type Clock, type TimerHandle } from '../host/clock.js';
import { ZegoErrorCode } from '../model/errorCodes.js';
import { ZegoUpdateType } from '../model/enums.js';
import { RoomService, type RoomPush, type RoomServiceEvent } from '../rooms/RoomService.js';
import {
  CLIENT_MESSAGES,
  DEV_CLOSE,
  DEV_HEADERS_TIMEOUT_MS,
  DEV_HELLO_TIMEOUT_MS,
  DEV_MAX_CONNECTIONS,
  DEV_MAX_FRAME_BYTES,
  DEV_PROTOCOL_VERSION,
  DEV_RATE_LIMIT,
  readDevMessage,
  type DevMessage,
} from '../dev/protocol.js';
import { ClientLink, type Connection } from './clientLink.js';
import { Timeline } from './timeline.js';
import { handleAdminRequest } from './admin.js';

/** User updates due within this many ms reach a client as one frame. */
export const PUSH_BATCH_MS = 20;

export interface DevRoomServerOptions {
  port?: number;
  host?: string;
  /** A silent member is removed this long after its last sign of life. Default 90 s (ZEGO's). */
  heartbeatTimeoutMs?: number;
  /**
   * Checks a login's or renewToken's token: 0 accepts, else ZEGO's code. Without it every token is
   * accepted (the CLI wires Token04 verification in when given --app-id and --server-secret).
   */
  verifyToken?: (token: string, userID: string, roomID: string) => number;
  /** The admin API's bearer token; random when not given. */
  adminToken?: string;
  /** The dashboard page (served at `/`). */
  dashboardHtml?: string;
  clock?: Clock;
  /** Limits (tests lower them): docs/DEVSERVER.md lists the defaults. */
  helloTimeoutMs?: number;
  rateLimit?: number;
  maxConnections?: number;
  maxFrameBytes?: number;
  /** A TCP connection must finish its HTTP request (the WebSocket upgrade) this soon. Default 10 s. */
  headersTimeoutMs?: number;
  /** Server-side log lines (never tokens). */
  log?: (line: string) => void;
}

export interface DevRoomServerAddress {
  host: string;
  port: number;
  url: string;
}

/** A started server; every method is safe to call in any order, `close` more than once. */
export class DevRoomServer {
  readonly adminToken: string;
  readonly heartbeatTimeoutMs: number;
  readonly tokenCheck: boolean;
  readonly timeline = new Timeline();
  private readonly clock: Clock;
  private readonly http: Server;
  private readonly wss: WebSocketServer;
  private readonly links = new Map<string, ClientLink>();
  private readonly connections = new Set<Connection>();
  private readonly timers = new Set<TimerHandle>();
  private service: RoomService;
  private sweepTimer: TimerHandle | undefined;
  private closed = false;
  private address: DevRoomServerAddress | undefined;
  private readonly limits: { hello: number; rate: number; connections: number };

  constructor(private readonly options: DevRoomServerOptions = {}) {
    this.clock = options.clock ?? hostClock();
    this.heartbeatTimeoutMs = options.heartbeatTimeoutMs ?? 90_000;
    this.tokenCheck = !!options.verifyToken;
    this.adminToken = options.adminToken ?? randomBytes(16).toString('hex');
    this.limits = {
      hello: options.helloTimeoutMs ?? DEV_HELLO_TIMEOUT_MS,
      rate: options.rateLimit ?? DEV_RATE_LIMIT,
      connections: options.maxConnections ?? DEV_MAX_CONNECTIONS,
    };
    this.service = this.newService();
    // A client that opens TCP and never finishes its request is dropped (half-open connections); Node
    // checks every connectionsCheckingInterval (default 30 s), so the check runs often enough to keep the bound.
    const headersTimeout = options.headersTimeoutMs ?? DEV_HEADERS_TIMEOUT_MS;
    const connectionsCheckingInterval = Math.max(50, Math.min(1000, Math.floor(headersTimeout / 4)));
    this.http = createServer({ connectionsCheckingInterval }, (req, res) => this.onHttp(req, res));
    this.http.headersTimeout = headersTimeout;
    this.http.requestTimeout = headersTimeout;
    this.wss = new WebSocketServer({ noServer: true, maxPayload: options.maxFrameBytes ?? DEV_MAX_FRAME_BYTES });
    this.http.on('upgrade', (req, socket, head) => {
      socket.on('error', () => socket.destroy());
      this.wss.handleUpgrade(req, socket, head, (ws) => this.onSocket(ws));
    });
  }

  /** Listens; resolves with the address once ready. */
  start(): Promise<DevRoomServerAddress> {
    return new Promise((resolve, reject) => {
      this.http.once('error', reject);
      this.http.listen(this.options.port ?? 8787, this.options.host ?? '127.0.0.1', () => {
        this.http.off('error', reject);
        const info = this.http.address() as AddressInfo;
        const host = this.options.host ?? '127.0.0.1';
        this.address = { host, port: info.port, url: `ws://${host.includes(':') ? `[${host}]` : host}:${info.port}` };
        this.scheduleSweep();
        resolve(this.address);
      });
    });
  }

  /** Closes every socket (1001) and the listener; rooms are forgotten. */
  close(): Promise<void> {
    if (this.closed) return Promise.resolve();
    this.closed = true;
    if (this.sweepTimer !== undefined) this.clock.clearTimeout(this.sweepTimer);
    for (const t of this.timers) this.clock.clearTimeout(t);
    this.timers.clear();
    for (const c of this.connections) c.socket.close(DEV_CLOSE.ServerShutdown, 'server shutting down');
    this.service.dispose();
    return new Promise((resolve) => {
      // Sockets that do not finish their closing handshake promptly are cut.
      const cut = setTimeout(() => {
        for (const c of this.connections) c.socket.terminate();
      }, 1000);
      this.wss.close(() => {
        this.http.close(() => {
          clearTimeout(cut);
          resolve();
        });
        this.http.closeAllConnections();
      });
    });
  }

  get url(): string {
    return this.address?.url ?? '';
  }

  // ---- faults (the admin API and the dashboard call these) --------------------------------

  /** Closes the client's socket without a closing handshake, as a lost network does. */
  cut(clientId: string): boolean {
    const link = this.links.get(clientId);
    if (!link?.connection) return false;
    this.note(clientId, 'cut');
    link.connection.socket.terminate();
    return true;
  }

  blackhole(clientId: string): boolean {
    const link = this.links.get(clientId);
    if (!link) return false;
    link.faults.blackhole = true;
    this.note(clientId, 'blackhole');
    return true;
  }

  delay(clientId: string, ms: number): boolean {
    const link = this.links.get(clientId);
    if (!link || !Number.isInteger(ms) || ms < 0 || ms > 60_000) return false;
    link.faults.delayMs = ms;
    this.note(clientId, `delay ${ms} ms`);
    return true;
  }

  restore(clientId: string): boolean {
    const link = this.links.get(clientId);
    if (!link) return false;
    link.faults.blackhole = false;
    link.faults.delayMs = 0;
    this.note(clientId, 'restore');
    return true;
  }

  /** The server-side kick (→ KickOut 1002055). */
  kick(roomID: string, userID: string): boolean {
    return this.service.kickOut(roomID, userID, ZegoErrorCode.RoomManualKickedOut);
  }

  /** Another device logs in with this userID: the member is kicked (1002050) and the other device stays. */
  duplicateLogin(roomID: string, userID: string): boolean {
    const member = this.service
      .snapshot()
      .find((r) => r.roomID === roomID)
      ?.members.find((m) => m.userID === userID);
    if (!member) return false;
    const clientId = `duplicate-${randomBytes(4).toString('hex')}`;
    this.linkFor(clientId);
    const [code] = this.service.handleLogin(clientId, {
      roomID,
      user: { userID, userName: member.userName },
      token: '',
      maxMemberCount: 0,
      isUserStatusNotify: false,
      reconnect: false,
    });
    return code === 0;
  }

  /** The member's token expires now (→ KickOut 1002056). */
  expireToken(roomID: string, userID: string): boolean {
    return this.service.expireToken(roomID, userID);
  }

  /** Drops every socket (4000) and forgets every room, as a restarted server process would. */
  restart(): void {
    this.timeline.add({ at: this.clock.now(), roomID: '', userID: '', clientId: '', label: 'restart' });
    for (const t of this.timers) this.clock.clearTimeout(t);
    this.timers.clear();
    for (const c of [...this.connections]) {
      this.connections.delete(c);
      c.socket.close(DEV_CLOSE.ServerRestart, 'server restart');
    }
    this.links.clear();
    this.service.dispose();
    this.service = this.newService();
  }

  /** What the dashboard shows. */
  state(since = 0): Record<string, unknown> {
    return {
      now: this.clock.now(),
      heartbeatTimeoutMs: this.heartbeatTimeoutMs,
      tokenCheck: this.tokenCheck,
      rooms: this.service.snapshot(),
      clients: [...this.links.values()].map((link) => ({
        clientId: link.clientId,
        connected: link.linkUp(),
        blackhole: link.faults.blackhole,
        delayMs: link.faults.delayMs,
      })),
      events: this.timeline.since(since),
      seq: this.timeline.last,
    };
  }

  // ---- sockets ---------------------------------------------------------------------------

  private onSocket(socket: WebSocket): void {
    const now = this.clock.now();
    const connection: Connection = {
      socket,
      openedAt: now,
      lastHeard: now,
      allowance: this.limits.rate,
      allowanceAt: now,
      outAt: 0,
      inAt: 0,
    };
    if (this.closed || this.connections.size >= this.limits.connections) {
      socket.close(
        this.closed ? DEV_CLOSE.ServerShutdown : DEV_CLOSE.ServerFull,
        this.closed ? 'server shutting down' : 'server full',
      );
      return;
    }
    this.connections.add(connection);
    socket.on('message', (data, isBinary) => this.onFrame(connection, data, isBinary));
    socket.on('close', () => this.onClose(connection));
    socket.on('error', () => socket.terminate());
  }

  private onFrame(connection: Connection, data: unknown, isBinary: boolean): void {
    // After close() the rooms are gone: a frame still in flight (a logout at Ctrl-C) is dropped.
    if (this.closed || !this.connections.has(connection)) return;
    try {
      this.onOpenFrame(connection, data, isBinary);
    } catch (error) {
      // A bug must not take the server down: this connection goes (1011), every other room carries on.
      this.options.log?.(`internal error on a frame: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      this.refuse(connection, DEV_CLOSE.InternalError, 'internal error');
    }
  }

  private onOpenFrame(connection: Connection, data: unknown, isBinary: boolean): void {
    if (!this.allow(connection)) {
      this.refuse(connection, DEV_CLOSE.RateLimited, `more than ${this.limits.rate} messages a second`);
      return;
    }
    const text = isBinary ? null : String(data);
    const message = text === null ? 'a binary frame' : readDevMessage(text, CLIENT_MESSAGES);
    if (typeof message === 'string') {
      this.refuse(connection, DEV_CLOSE.BadMessage, message);
      return;
    }
    if (connection.clientId === undefined) {
      this.onHello(connection, message);
      return;
    }
    const link = this.links.get(connection.clientId);
    if (!link || link.connection !== connection) return;
    if (link.faults.blackhole) return; // lost on the way: no sign of life either
    const wait = link.faults.delayMs;
    if (wait > 0 || connection.inAt > this.clock.now()) {
      const at = Math.max(this.clock.now() + wait, connection.inAt);
      connection.inAt = at;
      const handle = this.clock.setTimeout(() => {
        this.timers.delete(handle);
        if (link.connection === connection && !link.faults.blackhole) this.handle(link, connection, message);
      }, at - this.clock.now());
      this.timers.add(handle);
      return;
    }
    this.handle(link, connection, message);
  }

  private onHello(connection: Connection, message: DevMessage): void {
    if (message.t !== 'hello') {
      this.refuse(connection, DEV_CLOSE.BadMessage, '"hello" must come first');
      return;
    }
    if (message.v !== DEV_PROTOCOL_VERSION) {
      this.refuse(
        connection,
        DEV_CLOSE.VersionMismatch,
        `protocol version ${String(message.v)}; this server speaks ${DEV_PROTOCOL_VERSION}`,
      );
      return;
    }
    const clientId = message.clientId as string;
    const link = this.linkFor(clientId);
    const previous = link.connection;
    connection.clientId = clientId;
    link.connection = connection;
    if (previous && previous !== connection) {
      // The device came back on a new socket before the old one closed (a half-open link).
      this.connections.delete(previous);
      previous.socket.close(DEV_CLOSE.Replaced, 'replaced by a newer connection');
    }
    if (link.faults.blackhole) return;
    connection.lastHeard = this.clock.now();
    link.send({
      t: 'welcome',
      v: DEV_PROTOCOL_VERSION,
      heartbeatTimeoutMs: this.heartbeatTimeoutMs,
      tokenCheck: this.tokenCheck,
    });
  }

  private handle(link: ClientLink, connection: Connection, message: DevMessage): void {
    connection.lastHeard = this.clock.now();
    const room = message.room as string;
    switch (message.t) {
      case 'hb':
        link.send({ t: 'hb' });
        return;
      case 'hello':
        this.refuse(connection, DEV_CLOSE.BadMessage, '"hello" twice');
        return;
      case 'login': {
        const [code, ext, kicked] = this.service.handleLogin(link.clientId, {
          roomID: room,
          user: { userID: message.userID as string, userName: message.userName as string },
          token: message.token as string,
          maxMemberCount: message.maxMemberCount as number,
          isUserStatusNotify: message.notify as boolean,
          reconnect: message.reconnect as boolean,
        });
        const key = code === 0 && !kicked ? (this.service.memberKey(link.clientId, room) ?? 0) : 0;
        link.send({ t: 'loginResult', room, attempt: message.attempt, code, ext, key, kicked: !!kicked });
        return;
      }
      case 'logout':
        this.service.handleLogout(link.clientId, room);
        return;
      case 'renew':
        link.send({ t: 'renewResult', room, code: this.service.handleRenewToken(link.clientId, room, message.token as string) });
        return;
    }
  }

  private onClose(connection: Connection): void {
    if (!this.connections.delete(connection)) return;
    const clientId = connection.clientId;
    if (clientId === undefined) return;
    const link = this.links.get(clientId);
    if (!link || link.connection !== connection) return;
    link.connection = undefined;
    this.service.linkDown(clientId, this.clock.now() - connection.lastHeard);
  }

  /** Closes a connection for breaking the protocol; the rooms of its client see a lost link. */
  private refuse(connection: Connection, code: number, reason: string): void {
    this.options.log?.(`closed a connection (${code}): ${reason}`);
    connection.socket.close(code, reason.slice(0, 120));
    // Its close event may come late; the link is gone now.
    this.onClose(connection);
  }

  private allow(connection: Connection): boolean {
    const now = this.clock.now();
    const rate = this.limits.rate;
    connection.allowance = Math.min(rate, connection.allowance + ((now - connection.allowanceAt) * rate) / 1000);
    connection.allowanceAt = now;
    if (connection.allowance < 1) return false;
    connection.allowance -= 1;
    return true;
  }

  /** Closes sockets that never said hello and links silent for the heartbeat timeout; forgets devices gone for good. */
  private sweep(): void {
    const now = this.clock.now();
    for (const [clientId, link] of this.links) {
      // No socket, no member session, no fault pressed: nothing of it is left to show or resume.
      if (!link.connection && !link.faults.blackhole && link.faults.delayMs === 0 && this.service.forgetClient(clientId))
        this.links.delete(clientId);
    }
    for (const c of [...this.connections]) {
      if (c.clientId === undefined) {
        if (now - c.openedAt >= this.limits.hello) this.refuse(c, DEV_CLOSE.Silent, 'no hello');
      } else if (now - c.lastHeard >= this.heartbeatTimeoutMs) {
        this.refuse(c, DEV_CLOSE.Silent, 'nothing heard for the heartbeat timeout');
      }
    }
  }

  private scheduleSweep(): void {
    const every = Math.max(50, Math.min(1000, Math.floor(Math.min(this.limits.hello, this.heartbeatTimeoutMs) / 4)));
    this.sweepTimer = this.clock.setTimeout(() => {
      this.sweep();
      if (!this.closed) this.scheduleSweep();
    }, every);
  }

  // ---- HTTP --------------------------------------------------------------------------------

  private onHttp(req: IncomingMessage, res: ServerResponse): void {
    handleAdminRequest(this, req, res, this.options.dashboardHtml ?? '');
  }

  // ---- the room service ------------------------------------------------------------------

  private newService(): RoomService {
    const verify = this.options.verifyToken;
    return new RoomService({
      clock: this.clock,
      // Real sockets carry real latency: the server adds none, but sends a window's joins and leaves as one
      // frame (a PuerTS WebSocket hands over one message per Unity frame; 500 bots arriving stay a few frames).
      notifyLatencyMs: 0,
      pushBatchMs: PUSH_BATCH_MS,
      heartbeatTimeoutMs: this.heartbeatTimeoutMs,
      verifyToken: verify ? (token, userID, roomID) => verify(token, userID, roomID) : undefined,
      observe: (event) => this.observed(event),
    });
  }

  private linkFor(clientId: string): ClientLink {
    let link = this.links.get(clientId);
    if (!link) {
      link = new ClientLink(
        clientId,
        this.clock,
        () => this.service,
        (id, roomID, memberKey, push) => this.pushed(id, roomID, memberKey, push),
        this.timers,
      );
      this.links.set(clientId, link);
      this.service.attachClient(clientId, link);
    } else if (!this.service.hasClient(clientId)) {
      this.service.attachClient(clientId, link);
    }
    return link;
  }

  private observed(event: RoomServiceEvent): void {
    const label = {
      join: 'Logined',
      resume: 'Reconnected',
      linkDown: 'Reconnecting',
      refused: 'LoginFailed',
      kick: 'KickOut',
      removed: 'Logout',
    }[event.type === 'join' && event.reconnect ? 'resume' : event.type];
    this.timeline.add({
      at: this.clock.now(),
      roomID: event.roomID,
      userID: event.userID,
      clientId: event.clientId,
      label,
      code: event.code,
    });
  }

  private pushed(clientId: string, roomID: string, memberKey: number, push: RoomPush): void {
    if (push.type !== 'userUpdate') return;
    const userID = this.service.memberUserID(memberKey) ?? clientId;
    const names = push.users.map((u) => u.userID).join(', ');
    const label = `${push.updateType === ZegoUpdateType.Add ? 'Add' : 'Delete'} ${names}`;
    this.timeline.add({ at: this.clock.now(), roomID, userID, clientId, label });
  }

  private note(clientId: string, label: string): void {
    for (const room of this.service.snapshot()) {
      for (const m of room.members) {
        if (m.clientId === clientId)
          this.timeline.add({ at: this.clock.now(), roomID: room.roomID, userID: m.userID, clientId, label });
      }
    }
  }
}
