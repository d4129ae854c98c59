// The simulated room service on a bridge (sim.mjs in Unity; tests): the "simulator" driver, its worlds
// (one service and one clock per name, shared by the engines in it), virtual time, and the ops only the
// simulator answers (simAdvance, simSetNetwork, simKickOut, simDuplicateLogin, simNow, makeTestToken).
// Core values come through the package entry, so sim.mjs imports them from core.mjs instead of copying them.
import { BridgeError, ZegoErrorCode, ZegoExpressEngine, hostClock, seededRandom, type Clock } from '../puerts-entry.js';
import type { Bridge, RequestedTime } from '../boundary/bridge.js';
import { VirtualClock } from '../host/virtualClock.js';
import { makeTestToken04 } from '../token/token04.js';
import { SimulatedRoomService } from './SimulatedRoomService.js';
import { requestFields } from '../boundary/requestFields.js';

export const SIMULATOR_DRIVER_NAME = 'simulator';

/** The longest span one simAdvance may run (24 h of virtual time); longer spans take several calls. */
export const MAX_SIM_ADVANCE_MS = 24 * 3600_000;

type Json = Record<string, unknown>;

interface World {
  clock: Clock;
  virtual?: VirtualClock;
  service: SimulatedRoomService;
}

const { str, num, bool } = requestFields((message) => new BridgeError(ZegoErrorCode.CommonIllegalParam, message));

/** Registers the "simulator" driver and its ops on `bridge`; the worlds are this bridge's own. */
export function installSimulator(bridge: Bridge): void {
  const worlds = new Map<string, World>();

  const nameOf = (req: Json) => (typeof req.world === 'string' && req.world ? req.world : 'default');

  function worldOf(req: Json): World {
    const name = nameOf(req);
    const w = worlds.get(name);
    if (!w) throw new BridgeError(ZegoErrorCode.CommonIllegalParam, `no simulated world "${name}"`);
    return w;
  }

  /** The world an engine joins; its first engine decides its clock and timings, later ones share them. */
  function joinWorld(req: Json, time: RequestedTime): World {
    const name = nameOf(req);
    let w = worlds.get(name);
    if (!w) {
      const opts = (req.simulator && typeof req.simulator === 'object' ? req.simulator : {}) as Json;
      const virtual = time.virtual ? new VirtualClock(time.startMs) : undefined;
      const clock = virtual ?? hostClock();
      const service = new SimulatedRoomService({
        clock,
        loginLatencyMs: typeof opts.loginLatencyMs === 'number' ? opts.loginLatencyMs : undefined,
        notifyLatencyMs: typeof opts.notifyLatencyMs === 'number' ? opts.notifyLatencyMs : undefined,
        heartbeatTimeoutMs: typeof opts.heartbeatTimeoutMs === 'number' ? opts.heartbeatTimeoutMs : undefined,
      });
      w = { clock, virtual, service };
      worlds.set(name, w);
    }
    return w;
  }

  bridge.registerDriver(SIMULATOR_DRIVER_NAME, (req, ctx) =>
    joinWorld(req, { virtual: false, startMs: 0 }).service.createDriver(ctx.clientId),
  );

  bridge.extend({
    // Simulator engines run on their world's clock; an engine of another driver on a virtual clock too
    // (tests of the native driver), so one simAdvance moves every engine of that world.
    clockFor(req, time, driver) {
      if (driver !== SIMULATOR_DRIVER_NAME && !time.virtual) return undefined;
      return joinWorld(req, time).clock;
    },
    reset() {
      worlds.clear();
    },
    ops: {
      simSetNetwork(req) {
        worldOf(req).service.setNetwork(str(req, 'clientId'), bool(req, 'online'));
        return {};
      },
      simKickOut(req) {
        return { kicked: worldOf(req).service.kickOut(str(req, 'roomID'), str(req, 'userID')) };
      },
      simDuplicateLogin(req) {
        // Another device logs in with the same userID: the app's engine gets KickOut 1002050.
        const w = worldOf(req);
        const clientId = bridge.newClientId('dup');
        const dup = ZegoExpressEngine.createEngine({
          appID: 0,
          driver: w.service.createDriver(clientId),
          clock: w.clock,
          random: seededRandom(1),
        });
        dup.loginRoom(
          str(req, 'roomID'),
          { userID: str(req, 'userID') },
          { token: typeof req.token === 'string' ? req.token : undefined },
        );
        return { clientId };
      },
      simAdvance(req) {
        const w = worldOf(req);
        if (!w.virtual)
          throw new BridgeError(ZegoErrorCode.CommonIllegalParam, 'simAdvance needs a world created with "clock":"virtual"');
        const ms = req.ms;
        // Bounded per call, so one request always answers (a storm of timers is bounded by the span).
        if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0 || ms > MAX_SIM_ADVANCE_MS) {
          throw new BridgeError(
            ZegoErrorCode.CommonIllegalParam,
            `"ms" must be a number from 0 to ${MAX_SIM_ADVANCE_MS} (24 h) per call`,
          );
        }
        w.virtual.advanceSync(ms);
        return { now: w.virtual.now() };
      },
      simNow(req) {
        return { now: worldOf(req).clock.now() };
      },
      makeTestToken(req) {
        return { token: makeTestToken04({ expireAtSec: num(req, 'expireAtSec') }) };
      },
    },
  });
}
