// Grounds the fake Web engine in the real one: each scenario runs against the real
// zego-express-engine-webrtc 3.12.0 in headless Chromium (fake timers, unreachable server) and
// against test/webgl/fakeWebEngine.ts on a VirtualClock; both must log the same thing.
import { VirtualClock } from '../src/index';
import { openBrowser, sdkPage, T0, UNREACHABLE, type BrowserWorld } from './webgl/browser';
import { FakeWebEngine } from './webgl/fakeWebEngine';

jest.setTimeout(120_000);

/** Runs in the page and in Node. `log` gets [ms since start, what, …]; promise outcomes log only the code. */
const SCENARIOS: Record<string, string> = {
  'input rejections; LOGINING before validation; events after the promises': `async ({ zg, tick, log, watch }) => {
    log('version', zg.getVersion());
    watch();
    const tok = '04AAAAAGXYZ';
    const p = (name, pr) => pr.then((v) => log(name, 'resolved', v), (e) => log(name, 'rejected', e.code));
    p('empty roomID', zg.loginRoom('', tok, { userID: 'u1' }));
    p('no token', zg.loginRoom('r1', '', { userID: 'u1' }));
    p('empty userID', zg.loginRoom('r1', tok, { userID: '' }));
    p('bad char', zg.loginRoom('r/1', tok, { userID: 'u1' }));
    await tick(10);
  }`,
  'single-room 1002001 without a state event; logoutRoom of an unknown room throws 1002002': `async ({ zg, tick, log, watch }) => {
    watch();
    const p = (name, pr) => pr.then((v) => log(name, 'resolved', v), (e) => log(name, 'rejected', e.code));
    p('r1', zg.loginRoom('r1', '04AAAAAGXYZ', { userID: 'u1' }));
    await tick(10);
    p('r2', zg.loginRoom('r2', '04AAAAAGXYZ', { userID: 'u1' }));
    p('r1 again', zg.loginRoom('r1', '04AAAAAGXYZ', { userID: 'u1' }));
    await tick(10);
    try { zg.logoutRoom('nope'); log('logoutRoom nope', 'returned'); } catch (e) { log('logoutRoom nope', 'threw', e.code); }
    await tick(10);
  }`,
  'unreachable server: LOGIN_FAILED 1002031 at 300 s, nothing before': `async ({ zg, tick, log, watch }) => {
    watch();
    zg.loginRoom('r1', '04AAAAAGXYZ', { userID: 'u1' }).then((v) => log('r1', 'resolved', v), (e) => log('r1', 'rejected', e.code));
    await tick(299000);
    log('299 s');
    await tick(2000);
  }`,
  'logoutRoom cancels a login: LOGOUT 0, the promise never settles; a second logoutRoom only says LOGOUT': `async ({ zg, tick, log, watch }) => {
    watch();
    zg.loginRoom('r3', '04AAAAAGXYZ', { userID: 'u1' }).then((v) => log('r3', 'resolved', v), (e) => log('r3', 'rejected', e.code));
    await tick(5000);
    zg.logoutRoom('r3');
    await tick(1000);
    zg.logoutRoom('r3');
    await tick(400000);
  }`,
  'multi-room: enableMultiRoom before the first login; the same room twice is 1002056': `async ({ zg, tick, log, watch }) => {
    log('enableMultiRoom', zg.enableMultiRoom(true));
    watch();
    const p = (name, pr) => pr.then((v) => log(name, 'resolved', v), (e) => log(name, 'rejected', e.code));
    p('r1', zg.loginRoom('r1', '04AAAAAGXYZ', { userID: 'u1' }));
    p('r2', zg.loginRoom('r2', '04AAAAAGXYZ', { userID: 'u1' }));
    await tick(10);
    p('r1 again', zg.loginRoom('r1', '04AAAAAGXYZ', { userID: 'u1' }));
    p('r3 other user', zg.loginRoom('r3', '04AAAAAGXYZ', { userID: 'u2' }));
    await tick(10);
    log('enableMultiRoom late', zg.enableMultiRoom(true));
  }`,
};

type Log = unknown[][];

/** What each scenario must show on the real SDK (seconds), so "fake equals real" cannot pass vacuously. */
const REAL_FACTS: Record<string, Log> = {
  'input rejections; LOGINING before validation; events after the promises': [
    [0, 'version', '3.12.0'],
    [0, 'no token', 'rejected', 1100001],
    [0, 'roomStateChanged', 'r1', 'LOGINING', 0],
    [0, 'roomStateChanged', 'r1', 'LOGIN_FAILED', 1100001],
  ],
  'single-room 1002001 without a state event; logoutRoom of an unknown room throws 1002002': [
    [0, 'r2', 'rejected', 1002001],
    [0, 'logoutRoom nope', 'threw', 1002002],
  ],
  'unreachable server: LOGIN_FAILED 1002031 at 300 s, nothing before': [
    [299, '299 s'],
    [300, 'r1', 'rejected', 1002031],
    [300, 'roomStateChanged', 'r1', 'LOGIN_FAILED', 1002031],
  ],
  'logoutRoom cancels a login: LOGOUT 0, the promise never settles; a second logoutRoom only says LOGOUT': [
    [5, 'roomStateChanged', 'r3', 'LOGOUT', 0],
    [6, 'roomStateChanged', 'r3', 'LOGOUT', 0],
  ],
  'multi-room: enableMultiRoom before the first login; the same room twice is 1002056': [
    [0, 'enableMultiRoom', true],
    [0, 'r1 again', 'rejected', 1002056],
    [0, 'r3 other user', 'rejected', 1002018],
    [0, 'enableMultiRoom late', false],
  ],
};

async function inNode(src: string): Promise<Log> {
  const clock = new VirtualClock(T0);
  const zg = new FakeWebEngine(clock, { unreachable: true });
  const out: Log = [];
  const log = (...a: unknown[]) => out.push([clock.now() - T0, ...a]);
  const watch = () => {
    zg.on('roomStateChanged', (...a: unknown[]) => log('roomStateChanged', a[0], a[1], a[2]));
    zg.on('roomStateUpdate', (...a: unknown[]) => log('roomStateUpdate', a[0], a[1], a[2]));
  };
  const run = new Function(`return (${src})`)() as (x: unknown) => Promise<void>;
  // Promise jobs before timers, as in a browser (VirtualClock.advance would fire a due timer first).
  const tick = async (ms: number) => {
    for (let i = 0; i < 10; i++) await Promise.resolve();
    await clock.advance(ms);
  };
  await run({ zg, tick, log, watch });
  return out;
}

async function inBrowser(world: BrowserWorld, src: string): Promise<Log> {
  const page = await sdkPage(world);
  try {
    return await page.evaluate(
      async (source) => {
        const w = window as unknown as {
          __clock: { tickAsync(ms: number): Promise<void> };
          ZegoExpressEngine: new (a: number, s: string) => unknown;
        };
        const out: unknown[][] = [];
        const start = Date.now();
        const log = (...a: unknown[]) => out.push([Date.now() - start, ...a]);
        const zg = new w.ZegoExpressEngine(1234567, source.server) as { on(e: string, f: (...a: unknown[]) => void): void };
        const watch = () => {
          zg.on('roomStateChanged', (...a: unknown[]) => log('roomStateChanged', a[0], a[1], a[2]));
          zg.on('roomStateUpdate', (...a: unknown[]) => log('roomStateUpdate', a[0], a[1], a[2]));
        };
        const run = new Function(`return (${source.src})`)() as (x: unknown) => Promise<void>;
        await run({ zg, tick: (ms: number) => w.__clock.tickAsync(ms), log, watch });
        return out;
      },
      { src, server: UNREACHABLE },
    );
  } finally {
    await page.close();
  }
}

/**
 * Times are compared to the second: under @sinonjs/fake-timers a setTimeout 0 set during a tick runs
 * 1 ms later, and the real SDK settles some rejections a few ms after the call; order is compared exactly.
 */
const toSeconds = (log: Log): Log => log.map(([t, ...rest]) => [Math.round((t as number) / 1000), ...rest]);

let world: BrowserWorld;
beforeAll(async () => {
  world = await openBrowser();
});
afterAll(async () => {
  await world?.close();
});

describe('the fake Web engine behaves like zego-express-engine-webrtc 3.12.0', () => {
  test.each(Object.entries(SCENARIOS))('%s', async (_name, src) => {
    const real = await inBrowser(world, src);
    const fake = await inNode(src);
    expect(toSeconds(fake)).toEqual(toSeconds(real));
    for (const fact of REAL_FACTS[_name]) expect(toSeconds(real)).toContainEqual(fact);
    if (_name.startsWith('unreachable'))
      expect(
        toSeconds(real)
          .filter((e) => (e[0] as number) < 300 && e[1] !== '299 s')
          .map((e) => e[2]),
      ).toEqual(['LOGINING', 'LOGINING'].map(() => 'r1'));
    if (_name.startsWith('logoutRoom cancels')) expect(real.filter((e) => e[1] === 'r3')).toEqual([]);
  });
});
