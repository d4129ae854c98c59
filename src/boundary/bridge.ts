// The string-only boundary the C# shim calls (docs/BOUNDARY.md): two exported functions, JSON in and
// out, nothing thrown across. Engines created here raise their callbacks into one queue C# drains per Tick.
// A bridge knows the engine ops; drivers register themselves ("native" from native.mjs, "web" from webgl.mjs,
// "simulator" from sim.mjs), and a module may add ops and virtual time with `extend` (sim.mjs does).
import type { Clock } from '../host/clock.js';
import { hostClock } from '../host/clock.js';
import { consoleLogger, LOG_PREFIX } from '../host/log.js';
import { seededRandom } from '../host/random.js';
import { MAX_EPOCH_MS } from '../host/virtualClock.js';
import { ZegoRoomMode } from '../model/enums.js';
import { ZegoErrorCode } from '../model/errorCodes.js';
import type { ZegoRoomConfig, ZegoUser } from '../model/types.js';
import type { RoomDriver } from '../driver/RoomDriver.js';
import { ZegoExpressEngine } from '../engine/ZegoExpressEngine.js';
import type { TraceRecord } from '../engine/trace.js';
import { BRIDGE_VERSION } from '../version.js';
import { requestFields } from './requestFields.js';

export const BRIDGE_PROTOCOL_VERSION = 1;

type Json = Record<string, unknown>;
type BridgeEvent = { engine: string; event: string; args: unknown[]; callbackId?: number };

/** A refused request: `code` is what the answer (and a waiting callback) carries. */
export class BridgeError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

/** What a registered driver factory gets besides the request (its fields, e.g. `webServer`, are the factory's to read). */
export interface BridgeDriverContext {
  appID: number;
  roomMode: ZegoRoomMode;
  clock: Clock;
  clientId: string;
  /** Queues `{engine, event, args}` for bridgeDrain: how a driver whose other half is in C# sends it commands. */
  emit(event: string, args: unknown[]): void;
}
/** A driver that also takes events from the host (the `nativeEvent` op, which native.mjs adds); a TypeError it throws answers 1000017. */
export interface HostEventDriver extends RoomDriver {
  onHostEvent(event: string, args: unknown[]): void;
}
export type BridgeDriverFactory = (req: Record<string, unknown>, ctx: BridgeDriverContext) => RoomDriver;

/** The time a createEngine asks for: top-level `clock` ("host" or "virtual") and `startMs` (the virtual clock's start). */
export interface RequestedTime {
  virtual: boolean;
  startMs: number;
}

/** What a module adds to a bridge besides a driver: its own ops, virtual time, its state to forget on reset. */
export interface BridgeExtension {
  /** Requests the engine ops do not cover, by op name; a BridgeError they throw answers with its code. */
  ops?: Record<string, (req: Record<string, unknown>) => Record<string, unknown>>;
  /** The clock of an engine on `driver`, or undefined for the host's; without an extension that gives one, a virtual clock is refused. */
  clockFor?(req: Record<string, unknown>, time: RequestedTime, driver: string): Clock | undefined;
  /** Forgets what the extension keeps (the simulator's worlds) when the bridge resets. */
  reset?(): void;
}

/** Everything the C# shim (or a test) talks to: one queue, one set of engines, its own drivers. */
export interface Bridge {
  /** Handles one request; returns `{"ok":true,…}` or `{"ok":false,"error":code,"message":…}`. Never throws. */
  invoke(requestJson: string): string;
  /** Events raised since the last call, as a JSON array; see bridgeDrain. */
  drain(): string;
  /** How many events the next drain would return (0 when none); see bridgePending. */
  pending(): number;
  /** Destroys every engine, forgets queued events and whatever the extensions keep (worlds). Drivers stay registered. */
  reset(): void;
  /**
   * Makes `createEngine` with `"driver": name` use `factory` (e.g. webgl.mjs registers "web").
   * A factory that throws fails that createEngine with 1000017 and its message.
   */
  registerDriver(name: string, factory: BridgeDriverFactory): void;
  /** Adds a module's ops, clocks and reset (sim.mjs's simulator); an op the engine ops cover is never routed to it. */
  extend(extension: BridgeExtension): void;
  /** A client id no engine of this bridge has: `${prefix}-${n}`, one counter for the whole bridge. */
  newClientId(prefix: string): string;
  /** The driver of engine `engine`, or undefined when there is no such engine (destroyed or never created). */
  driverOf(engine: string): RoomDriver | undefined;
}

/** The largest serialized event a drain carries; a larger one is replaced by a bridgeError. */
export const MAX_DRAIN_EVENT_CHARS = 4 * 1024 * 1024;
/** A drain stops adding events past this many characters (always taking at least one); the rest waits for the next. */
export const MAX_DRAIN_BATCH_CHARS = 4 * 1024 * 1024;

/** A bridge of its own: tests make isolated ones; the exported functions below use the default one. */
export function createBridge(): Bridge {
  const engines = new Map<string, ZegoExpressEngine>();
  /** Each engine's driver, by engine id (native.mjs's `nativeEvent` op hands ZEGO's callbacks to it). */
  const drivers = new Map<string, RoomDriver>();
  const driverFactories = new Map<string, BridgeDriverFactory>();
  const extensions: BridgeExtension[] = [];
  let queue: BridgeEvent[] = [];
  let nextEngine = 1;
  let nextClient = 1;

  const newClientId = (prefix: string) => `${prefix}-${nextClient++}`;

  function invoke(requestJson: string): string {
    let req: Json;
    try {
      const parsed: unknown = JSON.parse(String(requestJson));
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
      req = parsed as Json;
    } catch {
      return JSON.stringify({ ok: false, error: ZegoErrorCode.CommonIllegalParam, message: 'request is not a JSON object' });
    }
    try {
      const result = handle(req);
      return JSON.stringify({ ok: true, ...result });
    } catch (e) {
      const code = e instanceof BridgeError ? e.code : ZegoErrorCode.CommonIllegalParam;
      const message = echoMessage(printable(e));
      // A caller waiting on a result callback still gets exactly one answer (for an engine id that can exist).
      if (typeof req.callbackId === 'number' && typeof req.engine === 'string' && req.engine.length <= 64) {
        queue.push({ engine: req.engine, event: 'callback', callbackId: req.callbackId, args: [code, ''] });
      }
      return JSON.stringify({ ok: false, error: code, message });
    }
  }

  function drain(): string {
    if (queue.length === 0) return '[]';
    const taking = queue;
    queue = [];
    const parts: string[] = [];
    let size = 2;
    let taken = 0;
    for (; taken < taking.length; taken++) {
      const one = serializeEvent(taking[taken]);
      if (taken > 0 && size + one.length + 1 > MAX_DRAIN_BATCH_CHARS) break;
      parts.push(one);
      size += one.length + 1;
    }
    // Left over (and anything queued while serializing) go first next time, in their order.
    if (taken < taking.length) queue = taking.slice(taken).concat(queue);
    return `[${parts.join(',')}]`;
  }

  function handle(req: Json): Json {
    switch (req.op) {
      case 'version':
        return { protocol: BRIDGE_PROTOCOL_VERSION, version: BRIDGE_VERSION };
      case 'createEngine':
        return createEngine(req);
      case 'destroyEngine': {
        const id = str(req, 'engine');
        engineOf(req).destroy();
        engines.delete(id);
        drivers.delete(id);
        return {};
      }
      case 'loginRoom': {
        const cb = optCallback(req);
        engineOf(req).loginRoom(
          req.roomID as string,
          req.user as ZegoUser,
          (req.config ?? undefined) as ZegoRoomConfig | undefined,
          cb,
        );
        return {};
      }
      case 'logoutRoom': {
        const cb = optCallback(req);
        const e = engineOf(req);
        if (req.roomID === undefined || req.roomID === null) e.logoutRoom(cb);
        else e.logoutRoom(req.roomID as string, cb);
        return {};
      }
      case 'switchRoom':
        engineOf(req).switchRoom(
          req.fromRoomID as string,
          req.toRoomID as string,
          (req.config ?? undefined) as ZegoRoomConfig | undefined,
        );
        return {};
      case 'renewToken':
        engineOf(req).renewToken(req.roomID as string, req.token as string);
        return {};
      case 'setNetworkReachable':
        engineOf(req).setNetworkReachable(bool(req, 'reachable'));
        return {};
      default: {
        const op = typeof req.op === 'string' ? extensionOp(req.op) : undefined;
        if (!op) throw new BridgeError(ZegoErrorCode.CommonIllegalParam, `unknown op ${JSON.stringify(req.op)}`);
        return op(req);
      }
    }
  }

  function extensionOp(name: string) {
    for (const extension of extensions) {
      const ops = extension.ops;
      if (ops && Object.prototype.hasOwnProperty.call(ops, name)) return ops[name];
    }
    return undefined;
  }

  function createEngine(req: Json): Json {
    const appID = req.appID === undefined ? 0 : num(req, 'appID');
    const roomMode = req.roomMode === ZegoRoomMode.MultiRoom ? ZegoRoomMode.MultiRoom : ZegoRoomMode.SingleRoom;
    if (req.roomMode !== undefined && req.roomMode !== 0 && req.roomMode !== 1)
      throw new BridgeError(ZegoErrorCode.CommonIllegalParam, 'roomMode must be 0 or 1');
    if (req.trace !== undefined && typeof req.trace !== 'boolean')
      throw new BridgeError(ZegoErrorCode.CommonIllegalParam, '"trace" must be true or false');
    const driverName = String(req.driver ?? 'simulator');
    const factory = driverFactories.get(driverName);
    if (!factory) {
      // The drivers that live in a module of their own beside core.mjs.
      const module = ({ simulator: 'sim', native: 'native', dev: 'dev' } as Record<string, string>)[driverName];
      const hint = module ? ` (load ${module}.mjs, beside core.mjs)` : '';
      throw new BridgeError(
        ZegoErrorCode.CommonIllegalParam,
        `driver "${driverName}" is not available in this core build${hint}`,
      );
    }
    const clock = clockFor(req, driverName);
    const clientId = typeof req.clientId === 'string' && req.clientId ? req.clientId : newClientId('client');
    const seed = typeof req.seed === 'number' ? req.seed : 1;
    // The id is known before the driver exists, so a driver can queue events (commands) from start().
    const id = `e${nextEngine}`;
    const push = (event: string, args: unknown[]) => {
      queue.push({ engine: id, event, args });
    };
    const driver = factory(req, { appID, roomMode, clock, clientId, emit: push });
    nextEngine++;
    // Trace records travel as `trace` events in the drain batch, in order with the engine's other events.
    const trace =
      req.trace === true
        ? (record: TraceRecord) => {
            queue.push({ engine: id, event: 'trace', args: [record] });
          }
        : undefined;
    const engine = ZegoExpressEngine.createEngine({
      appID,
      roomMode,
      clock,
      driver,
      random: seededRandom(seed),
      logger: consoleLogger(),
      id,
      trace,
      retryWindowMs: req.retryWindowMs as number | undefined,
    });
    engine.setEventHandler({
      onRoomStateChanged: (...a) => push('onRoomStateChanged', a),
      onRoomStateUpdate: (...a) => push('onRoomStateUpdate', a),
      onRoomUserUpdate: (roomID, type, users) =>
        push('onRoomUserUpdate', [roomID, type, users.map((u) => ({ userID: u.userID, userName: u.userName ?? u.userID }))]),
      onRoomOnlineUserCountUpdate: (...a) => push('onRoomOnlineUserCountUpdate', a),
      onRoomTokenWillExpire: (...a) => push('onRoomTokenWillExpire', a),
      onDebugError: (...a) => push('onDebugError', a),
    });
    engines.set(id, engine);
    drivers.set(id, driver);
    return { engine: id, clientId };
  }

  /** The engine's clock: an extension's (sim.mjs: its world's), else the host's; a virtual one only from an extension. */
  function clockFor(req: Json, driverName: string): Clock {
    const time = requestedTime(req);
    for (const extension of extensions) {
      const clock = extension.clockFor?.(req, time, driverName);
      if (clock) return clock;
    }
    if (time.virtual)
      throw new BridgeError(
        ZegoErrorCode.CommonIllegalParam,
        '"clock":"virtual" needs the simulator module (sim.mjs), which moves virtual time',
      );
    return hostClock();
  }

  function optCallback(req: Json): ((code: number, ext: string) => void) | undefined {
    if (req.callbackId === undefined || req.callbackId === null) return undefined;
    const callbackId = num(req, 'callbackId');
    const engine = str(req, 'engine');
    return (code, ext) => queue.push({ engine, event: 'callback', callbackId, args: [code, ext] });
  }

  function engineOf(req: Json): ZegoExpressEngine {
    const e = engines.get(str(req, 'engine'));
    // No engine (never created, or destroyed): ZEGO's "not logged in" is the closest documented code.
    if (!e)
      throw new BridgeError(
        ZegoErrorCode.CommonNotLoginRoom,
        `no engine ${JSON.stringify(req.engine)} (destroyed or never created)`,
      );
    return e;
  }

  return {
    invoke,
    drain,
    pending: () => queue.length,
    reset() {
      for (const e of engines.values()) e.destroy();
      engines.clear();
      drivers.clear();
      for (const extension of extensions) extension.reset?.();
      queue = [];
    },
    registerDriver(name, factory) {
      if (typeof name !== 'string' || !name || typeof factory !== 'function') {
        throw new TypeError('registerDriver(name, factory): a driver name and a function');
      }
      driverFactories.set(name, factory);
    },
    extend(extension) {
      if (!extension || typeof extension !== 'object') throw new TypeError('extend(extension): an object');
      if (!extensions.includes(extension)) extensions.push(extension);
    },
    newClientId,
    driverOf: (engine) => drivers.get(engine),
  };
}

/**
 * The createEngine request's time: top-level `clock` and `startMs`; the fields of the first protocol
 * version, `simulator.clock` and `simulator.startMs`, are still read when the top-level ones are absent.
 */
function requestedTime(req: Json): RequestedTime {
  const legacy = (req.simulator && typeof req.simulator === 'object' ? req.simulator : {}) as Json;
  const kind = req.clock !== undefined ? req.clock : legacy.clock;
  if (kind !== undefined && kind !== 'host' && kind !== 'virtual')
    throw new BridgeError(ZegoErrorCode.CommonIllegalParam, '"clock" must be "host" or "virtual"');
  const startMs = req.startMs !== undefined ? req.startMs : legacy.startMs === undefined ? 0 : legacy.startMs;
  if (typeof startMs !== 'number' || !(Math.abs(startMs) <= MAX_EPOCH_MS)) {
    throw new BridgeError(ZegoErrorCode.CommonIllegalParam, `"startMs" must be a number of ms within ±${MAX_EPOCH_MS}`);
  }
  return { virtual: kind === 'virtual', startMs };
}

/** Error messages quote request values; a hostile request must not make the answer huge. */
function echoMessage(message: string): string {
  return message.length <= 512 ? message : `${message.slice(0, 512)}… (cut)`;
}

function serializeEvent(ev: BridgeEvent): string {
  let why: string;
  try {
    const json = JSON.stringify(ev);
    if (json.length <= MAX_DRAIN_EVENT_CHARS) return json;
    why = `too large to cross the boundary (${json.length} characters)`;
  } catch (e) {
    why = `could not be serialized: ${printable(e)}`;
  }
  const engine = typeof ev.engine === 'string' ? echo(ev.engine) : '';
  const event = typeof ev.event === 'string' ? echo(ev.event) : '';
  const replacement: BridgeEvent = {
    engine,
    event: 'bridgeError',
    args: [ZegoErrorCode.CommonIllegalParam, event, `${LOG_PREFIX}: event ${event} ${why}`],
  };
  if (typeof ev.callbackId === 'number') replacement.callbackId = ev.callbackId;
  return JSON.stringify(replacement);
}

/** A string from a request or event as messages may quote it: short ones whole, long ones cut. */
function echo(s: string): string {
  return s.length <= 64 ? s : `${s.slice(0, 64)}… (${s.length} characters)`;
}

function printable(e: unknown): string {
  try {
    return e instanceof Error ? e.message : String(e);
  } catch {
    return `an unprintable ${typeof e}`;
  }
}

const { str, num, bool } = requestFields((message) => new BridgeError(ZegoErrorCode.CommonIllegalParam, message));

// ---- the default bridge: what the C# shim calls through core.mjs's exports ----------------------------

/** The bridge behind core.mjs's exported functions (the one C# talks to); sim.mjs and webgl.mjs register on it. */
export const defaultBridge: Bridge = createBridge();

/** Handles one request; returns `{"ok":true,…}` or `{"ok":false,"error":code,"message":…}`. Never throws. */
export function bridgeInvoke(requestJson: string): string {
  return defaultBridge.invoke(requestJson);
}

/**
 * Events raised since the last call, as a JSON array (`[]` when none), oldest first. Never throws and
 * never loses an event: each is serialized on its own, one that cannot be (a BigInt, a cycle, a throwing
 * toJSON, too large) becomes `{"engine","event":"bridgeError","args":[1000017, <its event name>, <why>]}`
 * (with its `callbackId`, if it had one), and events past MAX_DRAIN_BATCH_CHARS stay queued for the next call.
 */
export function bridgeDrain(): string {
  return defaultBridge.drain();
}

/**
 * How many events wait for bridgeDrain (0 when none): a number, so C# can skip the drain, and its string,
 * on a frame where nothing happened. Never throws.
 */
export function bridgePending(): number {
  return defaultBridge.pending();
}

/** Makes the default bridge's `createEngine` with `"driver": name` use `factory`. */
export function registerBridgeDriver(name: string, factory: BridgeDriverFactory): void {
  defaultBridge.registerDriver(name, factory);
}

/** For tests: forget every engine and world of the default bridge. */
export function bridgeReset(): void {
  defaultBridge.reset();
}
