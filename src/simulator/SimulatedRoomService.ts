// An in-process stand-in for ZEGO's room service, on virtual time: the room semantics of
// src/rooms/RoomService.ts (shared with the local room server) plus what only a simulation has —
// a device's network switched off and on, a lost login answer, login round trips on the clock.
// No account, no network; a 20-minute outage replays in milliseconds.
import type { Clock } from '../host/clock.js';
import type { RoomDriver } from '../driver/RoomDriver.js';
import { RoomService, type RoomServiceOptions } from '../rooms/RoomService.js';
import { SimulatedDriver } from './SimulatedDriver.js';

export interface SimulatedRoomServiceOptions {
  clock: Clock;
  /** One login round trip. Default 120 ms (T1 ≈ T0 + 120 ms on ZEGO's room connection status page). */
  loginLatencyMs?: number;
  /** Server push to other clients. Default 100 ms (T2 ≈ T1 + 100 ms on that page). */
  notifyLatencyMs?: number;
  /** A silent member is dropped this long after its link closed. Default 90 s. */
  heartbeatTimeoutMs?: number;
  /** Return false to reject a login (→ 1002033), or ZEGO's code to reject with. Tokens are otherwise accepted unless a Token04 has expired. */
  verifyToken?: RoomServiceOptions['verifyToken'];
  /** How often members hear the online count (when it changed). Default 30 s, as ZEGO documents. */
  onlineCountIntervalMs?: number;
}

interface Device {
  online: boolean;
  driver: SimulatedDriver;
  loseNextResponse: boolean;
  /** Its driver was stopped (engine destroyed): the clientId may get a new driver. */
  released: boolean;
}

export class SimulatedRoomService extends RoomService {
  readonly loginLatencyMs: number;
  private readonly devices = new Map<string, Device>();

  constructor(options: SimulatedRoomServiceOptions) {
    if (!options || !options.clock) throw new TypeError('SimulatedRoomService: options.clock is required');
    super(options);
    this.loginLatencyMs = options.loginLatencyMs ?? 120;
  }

  /**
   * A driver for one client (one device). Give each live engine its own; once an engine is destroyed
   * (its driver stopped) the clientId takes a new driver, and the device keeps its network state.
   */
  createDriver(clientId: string): RoomDriver {
    const before = this.devices.get(clientId);
    if (before && !before.released) throw new Error(`SimulatedRoomService: client "${clientId}" already has a driver`);
    const driver = new SimulatedDriver(this, clientId);
    this.devices.set(clientId, { online: before?.online ?? true, driver, loseNextResponse: false, released: false });
    this.attachClient(clientId, driver);
    return driver;
  }

  /** Called by a stopped driver: its clientId is free again (members it left behind time out as usual). */
  releaseClient(clientId: string, driver: SimulatedDriver): void {
    const d = this.devices.get(clientId);
    if (d && d.driver === driver) d.released = true;
  }

  /**
   * false: the client's link drops; both ends see a closed socket at once (the server's heartbeat
   * timer starts now). true: connectivity returns; the client notices on its next retry.
   */
  setNetwork(clientId: string, online: boolean): void {
    const d = this.device(clientId);
    if (d.online === online) return;
    d.online = online;
    if (online) return;
    d.driver.networkDown();
    this.linkDown(clientId);
  }

  isOnline(clientId: string): boolean {
    return this.device(clientId).online;
  }

  /**
   * A fault: the server processes this client's next login but the answer never arrives; the client's
   * attempt times out (1002031) and it retries. (A peer SDK kicked itself with "duplicate identity" here.)
   */
  loseNextLoginResponse(clientId: string): void {
    this.device(clientId).loseNextResponse = true;
  }

  /** True once per loseNextLoginResponse: the answer to this login is lost. */
  takeLostResponse(clientId: string): boolean {
    const d = this.device(clientId);
    const lost = d.loseNextResponse;
    d.loseNextResponse = false;
    return lost;
  }

  private device(id: string): Device {
    const d = this.devices.get(id);
    if (!d) throw new Error(`SimulatedRoomService: unknown client "${id}"`);
    return d;
  }
}
