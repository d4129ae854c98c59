// The bundles a Unity WebGL build runs — core.mjs + webgl.mjs — in headless Chromium over the real
// Web SDK (fake timers, unreachable server): once as built (ES modules) and once after the transform
// PuerTS's WebGL packer applies (babel preset-env for Chrome 84, CommonJS, behind a tiny require shim).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { transformSync } from '@babel/core';
import type { Page } from 'playwright-core';
import { openBrowser, sdkPage, UNREACHABLE, type BrowserWorld } from './webgl/browser';
import { makeTestToken04 } from '../src/token/token04';

jest.setTimeout(120_000);

const res = join(__dirname, '../unity-plugin/Runtime/Resources/ZegoRoomBridge');
const core = readFileSync(join(res, 'core.mjs'), 'utf8');
const webgl = readFileSync(join(res, 'webgl.mjs'), 'utf8');
const toCjs = (code: string) =>
  transformSync(code, {
    babelrc: false,
    configFile: false,
    presets: [['@babel/preset-env', { targets: { chrome: '84', esmodules: false }, modules: 'commonjs' }]],
  })!.code!;

let world: BrowserWorld;
beforeAll(async () => {
  world = await openBrowser({ '/core.mjs': core, '/webgl.mjs': webgl });
});
afterAll(async () => {
  await world?.close();
});

async function loadEsm(page: Page): Promise<void> {
  // A module script (not an import() inside evaluate: ts-jest would rewrite that to CommonJS).
  await page.addScriptTag({
    type: 'module',
    content: "import * as c from '/core.mjs'; import * as w from '/webgl.mjs'; window.__core = c; window.__web = w;",
  });
  await page.waitForFunction(() => (window as unknown as { __web?: unknown }).__web !== undefined);
}

async function loadCjs(page: Page): Promise<void> {
  const coreCjs = toCjs(core);
  const webCjs = toCjs(webgl);
  expect(coreCjs).not.toMatch(/^\s*(import|export)\s/m);
  expect(webCjs).toContain('require("./core.mjs")');
  await page.addScriptTag({
    content: `__defs["./core.mjs"]=function(module,exports,require){${coreCjs}\n};__defs["./webgl.mjs"]=function(module,exports,require){${webCjs}\n};window.__core=require("./core.mjs");window.__web=require("./webgl.mjs");`,
  });
}

/** Runs in the page: the driver over the real SDK directly, then through the C# bridge's JSON boundary. */
async function scenario(page: Page, server: string) {
  // The token is made here: a player's core.mjs has no makeTestToken04 (that is sim.mjs's).
  const pageNowMs = await page.evaluate(() => Date.now());
  const testToken = makeTestToken04({ expireAtSec: Math.floor(pageNowMs / 1000) + 7200 });
  return page.evaluate(
    async ({ srv, token }) => {
      type Any = any; // eslint-disable-line @typescript-eslint/no-explicit-any
      const w = window as Any;
      const { ZegoExpressEngine, bridgeInvoke, bridgeDrain } = w.__core;
      const start = Date.now();
      const sec = () => Math.round((Date.now() - start) / 1000);
      const direct: unknown[][] = [];
      const zg = new w.ZegoExpressEngine(1234567, srv);
      const engine = ZegoExpressEngine.createEngine({ appID: 1234567, driver: new w.__web.ZegoWebDriver(zg, { network: null }) });
      engine.setEventHandler({
        onRoomStateChanged: (room: string, reason: number, code: number) => direct.push([sec(), 'state', room, reason, code]),
      });
      engine.loginRoom('r1', { userID: 'u1' }, { token }, (code: number) => direct.push([sec(), 'login', code]));
      await w.__clock.tickAsync(301_000);
      direct.push([sec(), 'after the Web give-up']);
      await w.__clock.tickAsync(900_000);
      direct.push([sec(), 'before 20 min']);
      await w.__clock.tickAsync(20_000);
      engine.destroy();

      const call = (req: unknown) => JSON.parse(bridgeInvoke(JSON.stringify(req)));
      const noServer = call({ op: 'createEngine', driver: 'web', appID: 1234567 });
      const e = call({ op: 'createEngine', driver: 'web', appID: 1234567, webServer: srv }).engine;
      call({ op: 'loginRoom', engine: e, roomID: 'r9', user: { userID: 'u9' }, config: { token }, callbackId: 1 });
      await w.__clock.tickAsync(5000);
      call({ op: 'logoutRoom', engine: e, roomID: 'r9', callbackId: 2 });
      await w.__clock.tickAsync(1000);
      const bridge = JSON.parse(bridgeDrain()).map((x: Any) => [x.event, x.callbackId ?? null, ...x.args]);
      return { direct, noServer, bridge };
    },
    { srv: server, token: testToken },
  );
}

describe.each([
  ['as built (ES modules)', loadEsm],
  ['after the PuerTS WebGL transform (babel, Chrome 84, CommonJS)', loadCjs],
])('core.mjs + webgl.mjs %s', (_name, load) => {
  test('ZegoWebDriver over the real SDK: Logining, nothing at 300 s, LoginFailed 1002053 at 20 min; the bridge\'s "web" driver', async () => {
    const page = await sdkPage(world);
    try {
      await load(page);
      const { direct, noServer, bridge } = await scenario(page, UNREACHABLE);
      expect(direct).toEqual(
        [
          [0, 'state', 'r1', 0, 0],
          [301, 'after the Web give-up'],
          [1201, 'before 20 min'],
          [1200, 'state', 'r1', 2, 1002053],
          [1200, 'login', 1002053],
        ].sort((a, b) => (a[0] as number) - (b[0] as number)),
      );
      expect(noServer).toMatchObject({ ok: false, error: 1000017 });
      expect(noServer.message).toContain('webServer');
      expect(bridge).toEqual([
        ['onRoomStateChanged', null, 'r9', 0, 0, ''],
        ['onRoomStateUpdate', null, 'r9', 1, 0, ''],
        ['onRoomStateChanged', null, 'r9', 7, 0, ''],
        ['onRoomStateUpdate', null, 'r9', 0, 0, ''],
        ['callback', 1, 1102026, ''],
        ['callback', 2, 0, ''],
      ]);
    } finally {
      await page.close();
    }
  });
});

describe('dist/webgl.mjs for npm', () => {
  test('`zego-room-bridge/webgl` imports the core from `zego-room-bridge` (one engine) and drives a Web engine', () => {
    const dist = readFileSync(join(__dirname, '../dist/webgl.mjs'), 'utf8');
    expect(dist.match(/^import .*$/gm)).toEqual(["import { readToken04Expiry, toLog, describeError } from 'zego-room-bridge';"]);
    const script = `
      import { ZegoExpressEngine, VirtualClock } from 'zego-room-bridge';
      import { ZegoWebDriver, WEBGL_ROOM_MAPPING } from 'zego-room-bridge/webgl';
      const clock = new VirtualClock(0);
      const calls = [];
      const zg = { on() { return true; }, off() { return true; }, enableMultiRoom() { return true; }, renewToken() { return true; },
        logoutRoom(r) { calls.push(['logoutRoom', r]); }, loginRoom(r) { calls.push(['loginRoom', r]); return Promise.resolve(true); } };
      const engine = ZegoExpressEngine.createEngine({ appID: 1, driver: new ZegoWebDriver(zg, { network: null }), clock });
      const seen = [];
      engine.setEventHandler({ onRoomStateChanged: (room, reason, code) => seen.push([clock.now(), reason, code]) });
      engine.loginRoom('r1', { userID: 'u1' }, { token: 'x' });
      await clock.advance(10);
      console.log(JSON.stringify({ seen, calls, kick: WEBGL_ROOM_MAPPING.code.kickout['1102018'] }));`;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: join(__dirname, '..'),
      encoding: 'utf8',
    });
    expect(JSON.parse(out)).toEqual({
      seen: [
        [0, 0, 0],
        [0, 1, 0],
      ],
      calls: [['loginRoom', 'r1']],
      kick: 1002056,
    });
  });
});
