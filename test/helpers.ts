// Test world: one virtual clock, one simulated service, engines that record every callback with its virtual time.
import {
  SimulatedRoomService,
  VirtualClock,
  ZegoExpressEngine,
  ZegoRoomMode,
  ZegoRoomStateChangedReason as R,
  ZegoRoomState,
  ZegoUpdateType,
  seededRandom,
  type IZegoEventHandler,
  type SimulatedRoomServiceOptions,
} from '../src/index';

export type Rec =
  | { t: number; cb: 'state'; room: string; reason: R; code: number; ext: string }
  | { t: number; cb: 'legacy'; room: string; state: ZegoRoomState; code: number }
  | { t: number; cb: 'user'; room: string; type: ZegoUpdateType; users: string[] }
  | { t: number; cb: 'count'; room: string; count: number }
  | { t: number; cb: 'token'; room: string; remain: number }
  | { t: number; cb: 'debug'; code: number; fn: string }
  | { t: number; cb: 'login'; code: number; ext: string }
  | { t: number; cb: 'logout'; code: number };

export class Client {
  readonly log: Rec[] = [];
  constructor(
    readonly id: string,
    readonly engine: ZegoExpressEngine,
    private readonly world: World,
  ) {
    const now = () => world.clock.now() - world.t0;
    const handler: IZegoEventHandler = {
      onRoomStateChanged: (room, reason, code, ext) => this.log.push({ t: now(), cb: 'state', room, reason, code, ext }),
      onRoomStateUpdate: (room, state, code) => this.log.push({ t: now(), cb: 'legacy', room, state, code }),
      onRoomUserUpdate: (room, type, users) =>
        this.log.push({ t: now(), cb: 'user', room, type, users: users.map((u) => u.userID) }),
      onRoomOnlineUserCountUpdate: (room, count) => this.log.push({ t: now(), cb: 'count', room, count }),
      onRoomTokenWillExpire: (room, remain) => this.log.push({ t: now(), cb: 'token', room, remain }),
      onDebugError: (code, fn) => this.log.push({ t: now(), cb: 'debug', code, fn }),
    };
    engine.setEventHandler(handler);
  }
  login(
    room: string,
    userID = this.id,
    config: Parameters<ZegoExpressEngine['loginRoom']>[2] = { isUserStatusNotify: true },
  ): void {
    const now = () => this.world.clock.now() - this.world.t0;
    this.engine.loginRoom(room, { userID, userName: userID }, config, (code, ext) =>
      this.log.push({ t: now(), cb: 'login', code, ext }),
    );
  }
  logout(room?: string): void {
    const now = () => this.world.clock.now() - this.world.t0;
    const cb = (code: number) => this.log.push({ t: now(), cb: 'logout', code });
    if (room === undefined) this.engine.logoutRoom(cb);
    else this.engine.logoutRoom(room, cb);
  }
  /** [t, reason, code] of onRoomStateChanged for one room. */
  states(room?: string): Array<[number, R, number]> {
    return this.log
      .filter((r): r is Extract<Rec, { cb: 'state' }> => r.cb === 'state' && (room === undefined || r.room === room))
      .map((r) => [r.t, r.reason, r.code]);
  }
  users(room?: string): Array<[number, ZegoUpdateType, string[]]> {
    return this.log
      .filter((r): r is Extract<Rec, { cb: 'user' }> => r.cb === 'user' && (room === undefined || r.room === room))
      .map((r) => [r.t, r.type, r.users]);
  }
  of<K extends Rec['cb']>(cb: K): Array<Extract<Rec, { cb: K }>> {
    return this.log.filter((r): r is Extract<Rec, { cb: K }> => r.cb === cb);
  }
  clear(): void {
    this.log.length = 0;
  }
}

export class World {
  readonly clock: VirtualClock;
  readonly service: SimulatedRoomService;
  /** Virtual start of the world, so recorded times read as "ms since T0". */
  readonly t0: number;
  constructor(opts: Partial<SimulatedRoomServiceOptions> = {}, startMs = 1_700_000_000_000) {
    this.clock = new VirtualClock(startMs);
    this.t0 = startMs;
    this.service = new SimulatedRoomService({ clock: this.clock, ...opts });
  }
  client(id: string, roomMode = ZegoRoomMode.SingleRoom, seed = 7): Client {
    const engine = ZegoExpressEngine.createEngine({
      appID: 1,
      driver: this.service.createDriver(id),
      clock: this.clock,
      roomMode,
      random: seededRandom(seed),
    });
    return new Client(id, engine, this);
  }
  /** Advance to an absolute time since T0. */
  at(ms: number): void {
    this.clock.advanceSync(this.t0 + ms - this.clock.now());
  }
  get now(): number {
    return this.clock.now() - this.t0;
  }
}

export { R, ZegoUpdateType as U, ZegoRoomState as S };
