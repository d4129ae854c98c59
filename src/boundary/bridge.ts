// The string-only boundary the C# shim calls (docs/BOUNDARY.md): two exported functions, JSON in and
// out, nothing thrown across. Engines created here raise their callbacks into one queue C# drains per Tick.
import type { Clock } from '../host/clock.js';
import { hostClock } from '../host/clock.js';
import { consoleLogger, LOG_PREFIX } from '../host/log.js';
import { seededRandom } from '../host/random.js';
import { MAX_EPOCH_MS, VirtualClock } from '../host/virtualClock.js';
import { ZegoRoomMode } from '../model/enums.js';
import { ZegoErrorCode as E } from '../model/errorCodes.js';
import type { ZegoRoomConfig, ZegoUser } from '../model/types.js';
import type { RoomDriver } from '../driver/RoomDriver.js';
import { ZegoExpressEngine } from '../engine/ZegoExpressEngine.js';
import type { TraceRecord } from '../engine/trace.js';
import { SimulatedRoomService } from '../simulator/SimulatedRoomService.js';
import { makeTestToken04 } from '../token/token04.js';
import { BRIDGE_VERSION } from '../version.js';

export const BRIDGE_PROTOCOL_VERSION = 1;

/** The longest span one simAdvance may run (24 h of virtual time); longer spans take several calls. */
export const MAX_SIM_ADVANCE_MS = 24 * 3600_000;

type Json = Record<string, unknown>;
type BridgeEvent = { engine: string; event: string; args: unknown[]; callbackId?: number };

interface World { clock: Clock; virtual?: VirtualClock; service: SimulatedRoomService }

class BridgeError extends Error {
  constructor(readonly code: number, message: string) { super(message); }
}

const state = {
  engines: new Map<string, ZegoExpressEngine>(),
  /** Drivers whose other half is in C# and reports through the `nativeEvent` op, by engine id. */
  hostDrivers: new Map<string, HostEventDriver>(),
  worlds: new Map<string, World>(),
  queue: [] as BridgeEvent[],
  nextEngine: 1,
  nextClient: 1,
};

/** Handles one request; returns `{"ok":true,…}` or `{"ok":false,"error":code,"message":…}`. Never throws. */
export function bridgeInvoke(requestJson: string): string {
  let req: Json;
  try {
    const parsed: unknown = JSON.parse(String(requestJson));
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
    req = parsed as Json;
  } catch {
    return JSON.stringify({ ok: false, error: E.CommonIllegalParam, message: 'request is not a JSON object' });
  }
  try {
    const result = handle(req);
    return JSON.stringify({ ok: true, ...result });
  } catch (e) {
    const code = e instanceof BridgeError ? e.code : E.CommonIllegalParam;
    const message = echoMessage(printable(e));
    // A caller waiting on a result callback still gets exactly one answer (for an engine id that can exist).
    if (typeof req.callbackId === 'number' && typeof req.engine === 'string' && req.engine.length <= 64) {
      state.queue.push({ engine: req.engine, event: 'callback', callbackId: req.callbackId, args: [code, ''] });
    }
    return JSON.stringify({ ok: false, error: code, message });
  }
}

/** Error messages quote request values; a hostile request must not make the answer huge. */
function echoMessage(message: string): string {
  return message.length <= 512 ? message : `${message.slice(0, 512)}… (cut)`;
}

/** The largest serialized event a drain carries; a larger one is replaced by a bridgeError. */
export const MAX_DRAIN_EVENT_CHARS = 4 * 1024 * 1024;
/** A drain stops adding events past this many characters (always taking at least one); the rest waits for the next. */
export const MAX_DRAIN_BATCH_CHARS = 4 * 1024 * 1024;

/**
 * Events raised since the last call, as a JSON array (`[]` when none), oldest first. Never throws and
 * never loses an event: each is serialized on its own, one that cannot be (a BigInt, a cycle, a throwing
 * toJSON, too large) becomes `{"engine","event":"bridgeError","args":[1000017, <its event name>, <why>]}`
 * (with its `callbackId`, if it had one), and events past MAX_DRAIN_BATCH_CHARS stay queued for the next call.
 */
export function bridgeDrain(): string {
  if (state.queue.length === 0) return '[]';
  const queue = state.queue;
  state.queue = [];
  const parts: string[] = [];
  let size = 2;
  let taken = 0;
  for (; taken < queue.length; taken++) {
    const one = serializeEvent(queue[taken]);
    if (taken > 0 && size + one.length + 1 > MAX_DRAIN_BATCH_CHARS) break;
    parts.push(one);
    size += one.length + 1;
  }
  // Left over (and anything queued while serializing) go first next time, in their order.
  if (taken < queue.length) state.queue = queue.slice(taken).concat(state.queue);
  return `[${parts.join(',')}]`;
}

/**
 * How many events wait for bridgeDrain (0 when none): a number, so C# can skip the drain, and its string,
 * on a frame where nothing happened. Never throws.
 */
export function bridgePending(): number {
  return state.queue.length;
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
  const replacement: BridgeEvent = { engine, event: 'bridgeError', args: [E.CommonIllegalParam, event, `${LOG_PREFIX}: event ${event} ${why}`] };
  if (typeof ev.callbackId === 'number') replacement.callbackId = ev.callbackId;
  return JSON.stringify(replacement);
}

/** A string from a request or event as messages may quote it: short ones whole, long ones cut. */
function echo(s: string): string {
  return s.length <= 64 ? s : `${s.slice(0, 64)}… (${s.length} characters)`;
}

function printable(e: unknown): string {
  try { return e instanceof Error ? e.message : String(e); }
  catch { return `an unprintable ${typeof e}`; }
}

function handle(req: Json): Json {
  switch (req.op) {
    case 'version': return { protocol: BRIDGE_PROTOCOL_VERSION, version: BRIDGE_VERSION };
    case 'createEngine': return createEngine(req);
    case 'destroyEngine': {
      const id = str(req, 'engine');
      engineOf(req).destroy();
      state.engines.delete(id);
      state.hostDrivers.delete(id);
      return {};
    }
    case 'loginRoom': {
      const cb = optCallback(req);
      engineOf(req).loginRoom(req.roomID as string, req.user as ZegoUser, (req.config ?? undefined) as ZegoRoomConfig | undefined, cb);
      return {};
    }
    case 'logoutRoom': {
      const cb = optCallback(req);
      const e = engineOf(req);
      if (req.roomID === undefined || req.roomID === null) e.logoutRoom(cb); else e.logoutRoom(req.roomID as string, cb);
      return {};
    }
    case 'switchRoom':
      engineOf(req).switchRoom(req.fromRoomID as string, req.toRoomID as string, (req.config ?? undefined) as ZegoRoomConfig | undefined);
      return {};
    case 'renewToken':
      engineOf(req).renewToken(req.roomID as string, req.token as string);
      return {};
    case 'nativeEvent': {
      // One callback of the SDK the C# half drives (ZEGO's Unity SDK), for the engine's driver.
      const id = str(req, 'engine');
      engineOf(req);
      const driver = state.hostDrivers.get(id);
      if (!driver) throw new BridgeError(E.CommonIllegalParam, `engine ${JSON.stringify(id)} runs no driver that takes native events`);
      if (!Array.isArray(req.args)) throw new BridgeError(E.CommonIllegalParam, '"args" must be an array');
      driver.onHostEvent(str(req, 'event'), req.args);
      return {};
    }
    case 'setNetworkReachable':
      engineOf(req).setNetworkReachable(bool(req, 'reachable'));
      return {};
    // ---- the simulated service, for tests, the demo and Editor play mode ----
    case 'simSetNetwork':
      worldOf(req).service.setNetwork(str(req, 'clientId'), bool(req, 'online'));
      return {};
    case 'simKickOut':
      return { kicked: worldOf(req).service.kickOut(str(req, 'roomID'), str(req, 'userID')) };
    case 'simDuplicateLogin': {
      // Another device logs in with the same userID: the app's engine gets KickOut 1002050.
      const w = worldOf(req);
      const clientId = `dup-${state.nextClient++}`;
      const dup = ZegoExpressEngine.createEngine({ appID: 0, driver: w.service.createDriver(clientId), clock: w.clock, random: seededRandom(1) });
      dup.loginRoom(str(req, 'roomID'), { userID: str(req, 'userID') }, { token: typeof req.token === 'string' ? req.token : undefined });
      return { clientId };
    }
    case 'simAdvance': {
      const w = worldOf(req);
      if (!w.virtual) throw new BridgeError(E.CommonIllegalParam, 'simAdvance needs a world created with "clock":"virtual"');
      const ms = req.ms;
      // Bounded per call, so one request always answers (a storm of timers is bounded by the span).
      if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0 || ms > MAX_SIM_ADVANCE_MS) {
        throw new BridgeError(E.CommonIllegalParam, `"ms" must be a number from 0 to ${MAX_SIM_ADVANCE_MS} (24 h) per call`);
      }
      w.virtual.advanceSync(ms);
      return { now: w.virtual.now() };
    }
    case 'simNow': return { now: worldOf(req).clock.now() };
    case 'makeTestToken':
      return { token: makeTestToken04({ expireAtSec: num(req, 'expireAtSec') }) };
    default:
      throw new BridgeError(E.CommonIllegalParam, `unknown op ${JSON.stringify(req.op)}`);
  }
}

function createEngine(req: Json): Json {
  const appID = req.appID === undefined ? 0 : num(req, 'appID');
  const roomMode = req.roomMode === ZegoRoomMode.MultiRoom ? ZegoRoomMode.MultiRoom : ZegoRoomMode.SingleRoom;
  if (req.roomMode !== undefined && req.roomMode !== 0 && req.roomMode !== 1) throw new BridgeError(E.CommonIllegalParam, 'roomMode must be 0 or 1');
  if (req.trace !== undefined && typeof req.trace !== 'boolean') throw new BridgeError(E.CommonIllegalParam, '"trace" must be true or false');
  const driverName = req.driver ?? 'simulator';
  const factory = driverName === 'simulator' ? undefined : driverFactories.get(String(driverName));
  if (driverName !== 'simulator' && !factory) {
    throw new BridgeError(E.CommonIllegalParam, `driver "${String(driverName)}" is not available in this core build`);
  }
  const w = worldOf(req, true);
  const clientId = typeof req.clientId === 'string' && req.clientId ? req.clientId : `client-${state.nextClient++}`;
  const seed = typeof req.seed === 'number' ? req.seed : 1;
  // The id is known before the driver exists, so a driver can queue events (commands) from start().
  const id = `e${state.nextEngine}`;
  const emit = (event: string, args: unknown[]) => { state.queue.push({ engine: id, event, args }); };
  const driver = factory ? factory(req, { appID, roomMode, clock: w.clock, clientId, emit }) : w.service.createDriver(clientId);
  state.nextEngine++;
  // Trace records travel as `trace` events in the drain batch, in order with the engine's other events.
  const trace = req.trace === true ? (record: TraceRecord) => { state.queue.push({ engine: id, event: 'trace', args: [record] }); } : undefined;
  const engine = ZegoExpressEngine.createEngine({
    appID, roomMode, clock: w.clock, driver, random: seededRandom(seed), logger: consoleLogger(), id, trace,
  });
  const push = (event: string, args: unknown[]) => state.queue.push({ engine: id, event, args });
  engine.setEventHandler({
    onRoomStateChanged: (...a) => push('onRoomStateChanged', a),
    onRoomStateUpdate: (...a) => push('onRoomStateUpdate', a),
    onRoomUserUpdate: (roomID, type, users) => push('onRoomUserUpdate', [roomID, type, users.map((u) => ({ userID: u.userID, userName: u.userName ?? u.userID }))]),
    onRoomOnlineUserCountUpdate: (...a) => push('onRoomOnlineUserCountUpdate', a),
    onRoomTokenWillExpire: (...a) => push('onRoomTokenWillExpire', a),
    onDebugError: (...a) => push('onDebugError', a),
  });
  state.engines.set(id, engine);
  if (typeof (driver as Partial<HostEventDriver>).onHostEvent === 'function') state.hostDrivers.set(id, driver as HostEventDriver);
  return { engine: id, clientId };
}

/** What a registered driver factory gets besides the request (its fields, e.g. `webServer`, are the factory's to read). */
export interface BridgeDriverContext {
  appID: number; roomMode: ZegoRoomMode; clock: Clock; clientId: string;
  /** Queues `{engine, event, args}` for bridgeDrain: how a driver whose other half is in C# sends it commands. */
  emit(event: string, args: unknown[]): void;
}
/** A driver that also takes events from the host (the `nativeEvent` op); a TypeError it throws answers 1000017. */
export interface HostEventDriver extends RoomDriver { onHostEvent(event: string, args: unknown[]): void }
export type BridgeDriverFactory = (req: Record<string, unknown>, ctx: BridgeDriverContext) => RoomDriver;

const driverFactories = new Map<string, BridgeDriverFactory>();

/**
 * Makes `createEngine` with `"driver": name` use `factory` (e.g. webgl.mjs registers "web").
 * A factory that throws fails that createEngine with 1000017 and its message.
 */
export function registerBridgeDriver(name: string, factory: BridgeDriverFactory): void {
  if (typeof name !== 'string' || !name || name === 'simulator' || typeof factory !== 'function') {
    throw new TypeError('registerBridgeDriver(name, factory): a name other than "simulator" and a function');
  }
  driverFactories.set(name, factory);
}

function optCallback(req: Json): ((code: number, ext: string) => void) | undefined {
  if (req.callbackId === undefined || req.callbackId === null) return undefined;
  const callbackId = num(req, 'callbackId');
  const engine = str(req, 'engine');
  return (code, ext) => state.queue.push({ engine, event: 'callback', callbackId, args: [code, ext] });
}

function engineOf(req: Json): ZegoExpressEngine {
  const e = state.engines.get(str(req, 'engine'));
  // No engine (never created, or destroyed): ZEGO's "not logged in" is the closest documented code.
  if (!e) throw new BridgeError(E.CommonNotLoginRoom, `no engine ${JSON.stringify(req.engine)} (destroyed or never created)`);
  return e;
}

function worldOf(req: Json, create = false): World {
  const name = typeof req.world === 'string' && req.world ? req.world : 'default';
  let w = state.worlds.get(name);
  if (!w) {
    if (!create) throw new BridgeError(E.CommonIllegalParam, `no simulated world "${name}"`);
    const opts = (req.simulator && typeof req.simulator === 'object' ? req.simulator : {}) as Json;
    const startMs = opts.startMs === undefined ? 0 : opts.startMs;
    if (typeof startMs !== 'number' || !(Math.abs(startMs) <= MAX_EPOCH_MS)) {
      throw new BridgeError(E.CommonIllegalParam, `"simulator.startMs" must be a number of ms within ±${MAX_EPOCH_MS}`);
    }
    const virtual = opts.clock === 'virtual' ? new VirtualClock(startMs) : undefined;
    const clock = virtual ?? hostClock();
    const service = new SimulatedRoomService({
      clock,
      loginLatencyMs: typeof opts.loginLatencyMs === 'number' ? opts.loginLatencyMs : undefined,
      notifyLatencyMs: typeof opts.notifyLatencyMs === 'number' ? opts.notifyLatencyMs : undefined,
      heartbeatTimeoutMs: typeof opts.heartbeatTimeoutMs === 'number' ? opts.heartbeatTimeoutMs : undefined,
    });
    w = { clock, virtual, service };
    state.worlds.set(name, w);
  }
  return w;
}

function str(req: Json, key: string): string {
  const v = req[key];
  if (typeof v !== 'string' || v.length === 0) throw new BridgeError(E.CommonIllegalParam, `"${key}" must be a non-empty string`);
  return v;
}
function num(req: Json, key: string): number {
  const v = req[key];
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new BridgeError(E.CommonIllegalParam, `"${key}" must be a number`);
  return v;
}
function bool(req: Json, key: string): boolean {
  const v = req[key];
  if (typeof v !== 'boolean') throw new BridgeError(E.CommonIllegalParam, `"${key}" must be true or false`);
  return v;
}

/** For tests: forget every engine and world. */
export function bridgeReset(): void {
  for (const e of state.engines.values()) e.destroy();
  state.engines.clear();
  state.hostDrivers.clear();
  state.worlds.clear();
  state.queue = [];
}
