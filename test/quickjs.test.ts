// core.mjs where PuerTS runs it: quickjs-ng with only console and Tick-pumped timers. The source document's
// three reconnection cases are played through the string exports the C# shim calls.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { QuickJSHandle, QuickJSWASMModule } from 'quickjs-emscripten-core';
import { PuertsLikeHost, loadQuickJS } from './quickjs/puertsLikeHost';
import { BRIDGE_VERSION } from '../src/version';

const RESOURCES = join(__dirname, '../unity-plugin/Runtime/Resources/ZegoRoomBridge');
const CORE = readFileSync(join(RESOURCES, 'core.mjs'), 'utf8');
const SIM = readFileSync(join(RESOURCES, 'sim.mjs'), 'utf8');
const NATIVE = readFileSync(join(RESOURCES, 'native.mjs'), 'utf8');
const T_START = 1_800_000_000_000;
const MIN = 60_000;
type Ev = { engine: string; event: string; args: unknown[] };

let qjs: QuickJSWASMModule;
beforeAll(async () => {
  qjs = await loadQuickJS();
});

class Unity {
  readonly host = new PuertsLikeHost(qjs, T_START);
  readonly ns: QuickJSHandle;
  readonly events: Array<Ev & { t: number }> = [];
  /** As PuertsScriptHost in the Editor: ExecuteModule core.mjs, then native.mjs and sim.mjs (which import the same core). */
  constructor() {
    this.ns = this.host.evalModule(CORE, 'ZegoRoomBridge/core.mjs');
    this.host.serveModules({ 'ZegoRoomBridge/core.mjs': CORE });
    this.host.evalModule(NATIVE, 'ZegoRoomBridge/native.mjs').dispose();
    this.host.evalModule(SIM, 'ZegoRoomBridge/sim.mjs').dispose();
  }
  invoke(req: object): Record<string, unknown> {
    return JSON.parse(this.host.call(this.ns, 'bridgeInvoke', JSON.stringify(req)));
  }
  /** Frames of 100 ms: Tick() then drain, as the C# MonoBehaviour does in Update(). */
  run(untilT: number): void {
    while (this.host.now - T_START < untilT) {
      const next = Math.min(this.host.now + 100, T_START + untilT);
      this.host.tick(next);
      for (const e of JSON.parse(this.host.call(this.ns, 'bridgeDrain')) as Ev[])
        this.events.push({ ...e, t: this.host.now - T_START });
    }
  }
  states(engine: string): Array<[number, number, number]> {
    return this.events
      .filter((e) => e.engine === engine && e.event === 'onRoomStateChanged')
      .map((e) => [e.t, e.args[1] as number, e.args[2] as number]);
  }
  users(engine: string): Array<[number, number, string[]]> {
    return this.events
      .filter((e) => e.engine === engine && e.event === 'onRoomUserUpdate')
      .map((e) => [e.t, e.args[1] as number, (e.args[2] as Array<{ userID: string }>).map((u) => u.userID)]);
  }
  dispose(): void {
    this.ns.dispose();
    this.host.dispose();
  }
}

/** A and B in room1 over the host's own clock; returns T3 (A's link drops then). */
function pair(u: Unity): { a: string; b: string; T3: number } {
  const b = u.invoke({ op: 'createEngine', appID: 1, clientId: 'B', simulator: { clock: 'host' } }).engine as string;
  const a = u.invoke({ op: 'createEngine', appID: 1, clientId: 'A', seed: 5 }).engine as string;
  u.invoke({ op: 'loginRoom', engine: b, roomID: 'room1', user: { userID: 'B' }, config: { isUserStatusNotify: true } });
  u.run(1000);
  u.invoke({ op: 'loginRoom', engine: a, roomID: 'room1', user: { userID: 'A' }, config: { isUserStatusNotify: true } });
  u.run(2000);
  u.invoke({ op: 'simSetNetwork', clientId: 'A', online: false });
  return { a, b, T3: 2000 };
}

describe('core.mjs in quickjs-ng with a PuerTS-like host', () => {
  test('core.mjs alone (a player) has no simulator: createEngine refuses it naming sim.mjs, and no virtual clock or sim op', () => {
    const host = new PuertsLikeHost(qjs, T_START);
    const ns = host.evalModule(CORE, 'ZegoRoomBridge/core.mjs');
    const invoke = (req: object) => JSON.parse(host.call(ns, 'bridgeInvoke', JSON.stringify(req)));
    expect(invoke({ op: 'createEngine', clientId: 'A' })).toEqual({
      ok: false,
      error: 1000017,
      message: 'driver "simulator" is not available in this core build (load sim.mjs, beside core.mjs)',
    });
    expect(invoke({ op: 'simAdvance', ms: 1 })).toEqual({ ok: false, error: 1000017, message: 'unknown op "simAdvance"' });
    expect(invoke({ op: 'makeTestToken', expireAtSec: 1 })).toMatchObject({ ok: false, error: 1000017 });
    expect(CORE).not.toMatch(/class (SimulatedRoomService|SimulatedDriver|VirtualClock)\b|makeTestToken/);
    expect(SIM).toMatch(/class SimulatedRoomService\b/);
    ns.dispose();
    host.dispose();
  });

  test('core.mjs alone has no native driver (naming native.mjs); core.mjs + native.mjs, as every player but WebGL, has it', () => {
    const host = new PuertsLikeHost(qjs, T_START);
    const ns = host.evalModule(CORE, 'ZegoRoomBridge/core.mjs');
    const invoke = (req: object) => JSON.parse(host.call(ns, 'bridgeInvoke', JSON.stringify(req)));
    expect(invoke({ op: 'createEngine', driver: 'native' })).toEqual({
      ok: false,
      error: 1000017,
      message: 'driver "native" is not available in this core build (load native.mjs, beside core.mjs)',
    });
    expect(CORE).not.toMatch(/class (NativeZegoDriver|SdkDriver)\b/);
    expect(invoke({ op: 'nativeEvent', engine: 'e1', event: 'onRoomStateChanged', args: [] })).toEqual({
      ok: false,
      error: 1000017,
      message: 'unknown op "nativeEvent"',
    });
    host.serveModules({ 'ZegoRoomBridge/core.mjs': CORE });
    host.evalModule(NATIVE, 'ZegoRoomBridge/native.mjs').dispose();
    expect(invoke({ op: 'createEngine', driver: 'native', clock: 'virtual' })).toMatchObject({ ok: false, error: 1000017 });
    // A native engine runs on the host's clock and gets no simulated world.
    expect(invoke({ op: 'createEngine', driver: 'native' })).toMatchObject({ ok: true, engine: 'e1' });
    // native.mjs brings the op that hands ZEGO's callbacks to the engine's driver.
    expect(invoke({ op: 'nativeEvent', engine: 'e1', event: 'onRoomStateChanged', args: 'room1' })).toEqual({
      ok: false,
      error: 1000017,
      message: '"args" must be an array',
    });
    expect(invoke({ op: 'nativeEvent', engine: 'e1', event: 'onRoomStateChanged', args: ['room1', 1, 0, '', 1] })).toEqual({
      ok: true,
    });
    expect(invoke({ op: 'nativeEvent', engine: 'e9', event: 'onRoomStateChanged', args: [] })).toMatchObject({
      ok: false,
      error: 1000002,
    });
    expect(NATIVE).toMatch(/class NativeZegoDriver\b/);
    ns.dispose();
    host.dispose();
  });

  test('the host offers only console and timers: no TextEncoder, atob, fetch, window, process', () => {
    const u = new Unity();
    for (const g of ['TextEncoder', 'atob', 'btoa', 'fetch', 'window', 'process', 'require', 'setImmediate'])
      expect(u.host.typeOf(g)).toBe('undefined');
    for (const g of ['console', 'setTimeout', 'clearTimeout', 'setInterval']) expect(u.host.typeOf(g)).not.toBe('undefined');
    expect(u.invoke({ op: 'version' })).toEqual({ ok: true, protocol: 1, version: BRIDGE_VERSION });
    u.dispose();
  });

  test('login: Logining at T0, Logined 120 ms later (as frames allow), B hears the Add', () => {
    const u = new Unity();
    const b = u.invoke({ op: 'createEngine', appID: 1, clientId: 'B', simulator: { clock: 'host' } }).engine as string;
    const a = u.invoke({ op: 'createEngine', appID: 1, clientId: 'A' }).engine as string;
    u.invoke({ op: 'loginRoom', engine: b, roomID: 'room1', user: { userID: 'B' }, config: { isUserStatusNotify: true } });
    u.run(1000);
    u.invoke({ op: 'loginRoom', engine: a, roomID: 'room1', user: { userID: 'A' }, config: { isUserStatusNotify: true } });
    u.run(2000);
    // Events are drained once per 100 ms frame: 120 ms → the frame ending at 1200 ms.
    expect(u.states(a)).toEqual([
      [1100, 0, 0],
      [1200, 1, 0],
    ]);
    expect(u.users(b)).toEqual([[1300, 0, ['A']]]);
    expect(u.host.logs).toEqual([]);
    u.dispose();
  });

  test('case 1: back before 90 s → Reconnecting then Reconnected; B gets no user update', () => {
    const u = new Unity();
    const { a, b, T3 } = pair(u);
    u.run(T3 + 60_000);
    u.invoke({ op: 'simSetNetwork', clientId: 'A', online: true });
    u.run(T3 + 5 * MIN);
    const s = u.states(a).filter(([t]) => t > T3);
    expect(s.map(([, r, c]) => [r, c])).toEqual([
      [3, 1002051],
      [4, 0],
    ]);
    expect(s[1][0]).toBeLessThanOrEqual(T3 + 60_000 + 2625 + 200);
    expect(u.users(b).filter(([t]) => t > T3)).toEqual([]);
    u.dispose();
  });

  test("case 2: back after 90 s → B gets Delete at T3 + 90 s and Add after A's Reconnected", () => {
    const u = new Unity();
    const { a, b, T3 } = pair(u);
    u.run(T3 + 3 * MIN);
    u.invoke({ op: 'simSetNetwork', clientId: 'A', online: true });
    u.invoke({ op: 'setNetworkReachable', engine: a, reachable: true });
    u.run(T3 + 4 * MIN);
    const s = u.states(a).filter(([t]) => t > T3);
    expect(s).toEqual([
      [T3 + 100, 3, 1002051],
      [T3 + 3 * MIN + 200, 4, 0],
    ]);
    expect(u.users(b).filter(([t]) => t > T3)).toEqual([
      [T3 + 90_000, 1, ['A']],
      [T3 + 3 * MIN + 300, 0, ['A']],
    ]);
    u.dispose();
  });

  test('case 3: never back → ReconnectFailed 1002053 at T3 + 20 min, nothing after; timers all released', () => {
    const u = new Unity();
    const { a, b, T3 } = pair(u);
    u.run(T3 + 30 * MIN);
    expect(u.states(a).filter(([t]) => t > T3)).toEqual([
      [T3 + 100, 3, 1002051],
      [T3 + 20 * MIN, 5, 1002053],
    ]);
    expect(u.users(b).filter(([t]) => t > T3)).toEqual([[T3 + 90_000, 1, ['A']]]);
    u.invoke({ op: 'destroyEngine', engine: a });
    u.invoke({ op: 'destroyEngine', engine: b });
    u.run(T3 + 31 * MIN);
    expect(u.host.pendingTimers()).toBe(0);
    u.dispose();
  });
});
