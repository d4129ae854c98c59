// Replays a trace (test/fixtures/webgl/*.json) — app calls, scripted Web SDK server outcomes and
// events, browser online/offline — on virtual time through ZegoExpressEngine + ZegoWebDriver + the
// fake Web engine, and returns what the app saw and which Web SDK calls the driver made.
import {
  makeTestToken04,
  seededRandom,
  VirtualClock,
  ZegoExpressEngine,
  ZegoRoomStateChangedReason as R,
  ZegoUpdateType,
} from '../../src/index';
import { ZegoWebDriver, type ZegoWebDriverOptions } from '../../src/webgl/index';
import type { NetworkWatcher } from '../../src/webgl/network';
import { FakeWebEngine, type WebCall } from './fakeWebEngine';

export const T0 = 1_700_000_000_000;

type Step = { at: number } & (
  | { app: 'loginRoom'; room: string; user?: string; token?: TokenName; notify?: boolean }
  | { app: 'logoutRoom'; room?: string }
  | { app: 'switchRoom'; from: string; to: string; token?: TokenName }
  | { app: 'renewToken'; room: string; token: TokenName }
  | { app: 'destroy' }
  | { server: 'resolve'; room: string; value?: boolean }
  | { server: 'reject'; room: string; code: number }
  | { server: 'emit'; event: string; args: unknown[] }
  | { browser: 'online' | 'offline' }
);
/** "valid": expires in an hour; "expiring": at T0 + tokenExpiresInSec; "none": no token. */
type TokenName = 'valid' | 'expiring' | 'none' | 'renewed';

export interface Trace {
  name: string;
  description: string;
  sdkVersion?: string;
  roomMode?: 0 | 1;
  unreachable?: boolean;
  options?: Omit<ZegoWebDriverOptions, 'network' | 'logger'>;
  tokenExpiresInSec?: number;
  steps: Step[];
  until: number;
  expect: { app: unknown[][]; web?: unknown[][]; webLast?: unknown[] };
}

export class FakeNetwork implements NetworkWatcher {
  online = true;
  private fns: Array<(online: boolean) => void> = [];
  isOnline(): boolean {
    return this.online;
  }
  subscribe(fn: (online: boolean) => void): () => void {
    this.fns.push(fn);
    return () => {
      this.fns = this.fns.filter((f) => f !== fn);
    };
  }
  set(online: boolean): void {
    this.online = online;
    for (const f of [...this.fns]) f(online);
  }
}

export async function runTrace(trace: Trace): Promise<{ app: unknown[][]; web: WebCall[] }> {
  const clock = new VirtualClock(T0);
  const net = new FakeNetwork();
  const zg = new FakeWebEngine(clock, { version: trace.sdkVersion, unreachable: trace.unreachable, t0: T0 });
  const silent = { warn: () => undefined, error: () => undefined };
  const driver = new ZegoWebDriver(zg, { ...trace.options, network: net, logger: silent });
  const engine = ZegoExpressEngine.createEngine({
    appID: 1,
    driver,
    clock,
    roomMode: trace.roomMode ?? 0,
    random: seededRandom(1),
    logger: silent,
  });
  const app: unknown[][] = [];
  const t = () => clock.now() - T0;
  engine.setEventHandler({
    onRoomStateChanged: (room, reason, code) => app.push([t(), 'state', room, R[reason], code]),
    onRoomUserUpdate: (room, type, users) => app.push([t(), 'user', room, ZegoUpdateType[type], users.map((u) => u.userID)]),
    onRoomOnlineUserCountUpdate: (room, count) => app.push([t(), 'count', room, count]),
    onRoomTokenWillExpire: (room, remain) => app.push([t(), 'token', room, remain]),
    onDebugError: (code, fn) => app.push([t(), 'debug', code, fn]),
  });
  const token = (name: TokenName | undefined): string => {
    switch (name ?? 'valid') {
      case 'none':
        return '';
      case 'expiring':
        return makeTestToken04({ expireAtSec: T0 / 1000 + (trace.tokenExpiresInSec ?? 100) });
      case 'renewed':
        return makeTestToken04({ expireAtSec: T0 / 1000 + 7200, salt: 'renewed' });
      default:
        return makeTestToken04({ expireAtSec: T0 / 1000 + 3600 });
    }
  };
  const flush = async () => {
    for (let i = 0; i < 10; i++) await Promise.resolve();
  };

  for (const step of trace.steps) {
    await clock.advanceTo(T0 + step.at);
    if ('app' in step) {
      switch (step.app) {
        case 'loginRoom':
          engine.loginRoom(
            step.room,
            { userID: step.user ?? 'u1' },
            { token: token(step.token), isUserStatusNotify: step.notify ?? false },
            (code) => app.push([t(), 'login', step.room, code]),
          );
          break;
        case 'logoutRoom':
          engine.logoutRoom(step.room, (code) => app.push([t(), 'logout', step.room ?? null, code]));
          break;
        case 'switchRoom':
          engine.switchRoom(step.from, step.to, step.token ? { token: token(step.token) } : undefined);
          break;
        case 'renewToken':
          engine.renewToken(step.room, token(step.token));
          break;
        case 'destroy':
          engine.destroy();
          break;
      }
    } else if ('server' in step) {
      if (step.server === 'resolve') zg.resolveLogin(step.room, step.value ?? true);
      else if (step.server === 'reject') zg.rejectLogin(step.room, step.code);
      else zg.emit(step.event, ...step.args);
    } else {
      net.set(step.browser === 'online');
    }
    await flush();
  }
  await clock.advanceTo(T0 + trace.until);
  return { app, web: zg.calls };
}
