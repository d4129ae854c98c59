// The WebGL template sample end to end, as far as it goes without Unity: `zego-room-bridge webgl-sdk` fills a
// copy of the template with a browser build of the installed Web SDK; the page is filled in as Unity's template
// preprocessor would, PuerTS's post-build output is reproduced (test/webgl/puertsWebglPack.ts), and the page
// is served from loopback to headless Chromium. Then core.mjs + webgl.mjs run through the bridge's string
// boundary exactly as the C# shim calls them (ExecuteModule, bridgeInvoke, bridgeDrain), on fake timers.
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import type { Page } from 'playwright-core';
import { fakeTimersScript, openBrowser, type BrowserWorld } from './webgl/browser';
import { PUERTS_RUNTIME_STAND_IN, injectPuertsTags, puertsBrowserResources } from './webgl/puertsWebglPack';
import { closedLoopbackPort, serveFolder, type StaticSite } from './webgl/staticServer';
import { fillUnityTemplate } from './webgl/unityTemplate';
import { makeTestToken04 } from '../src/token/token04';

jest.setTimeout(120_000);

const repo = join(__dirname, '..');
const sample = join(repo, 'unity-plugin/Samples~/WebGLTemplate');
const modules = join(repo, 'unity-plugin/Runtime/Resources/ZegoRoomBridge');
const sdkVersion: string = JSON.parse(
  readFileSync(join(repo, 'node_modules/zego-express-engine-webrtc/package.json'), 'utf8'),
).version;

/** The values Unity gives the template's variables for a build named "Web" (no symbols, no memory file). */
const UNITY_VARIABLES = {
  LOADER_FILENAME: 'Web.loader.js',
  DATA_FILENAME: 'Web.data',
  FRAMEWORK_FILENAME: 'Web.framework.js',
  CODE_FILENAME: 'Web.wasm',
  MEMORY_FILENAME: '',
  SYMBOLS_FILENAME: '',
  BACKGROUND_FILENAME: '',
  COMPANY_NAME: 'Acme "Games"',
  PRODUCT_NAME: 'Room Demo',
  PRODUCT_VERSION: '1.0',
  WIDTH: 960,
  HEIGHT: 600,
  BACKGROUND_COLOR: '#231F20',
  SPLASH_SCREEN_STYLE: 'Dark',
  UNITY_VERSION: '2022.3.59f1',
  DEVELOPMENT_PLAYER: false,
  DECOMPRESSION_FALLBACK: '',
};

/** Unity's loader, reduced to what the page calls; it records what was defined when it loaded. */
const UNITY_LOADER_STAND_IN = `(window.__loadOrder = window.__loadOrder || []).push(['loader', typeof window.ZegoExpressEngine,
  typeof window.__puertsExecuteModule, typeof window.PUERTS_JS_RESOURCES]);
window.createUnityInstance = function (canvas, config) { window.__unity = { canvas: canvas.id, config: config }; return Promise.resolve({}); };`;

let tmp: string;
let command: { code: number | null; stdout: string; stderr: string };
let templateDir: string;
let built: string;
let builtWithoutSdk: string;
let world: BrowserWorld | undefined;
const sites: StaticSite[] = [];

function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolveRun) => {
    execFile(
      process.execPath,
      [join(repo, 'cli/zego-room-bridge.mjs'), ...args],
      { cwd: repo, timeout: 90_000, maxBuffer: 1 << 20 },
      (error, stdout, stderr) =>
        resolveRun({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr }),
    );
  });
}

/** The build folder a WebGL build with this template would have after Unity and PuerTS's post-build step. */
function buildFrom(template: string, projectAssets: string, out: string): void {
  mkdirSync(join(out, 'Build'), { recursive: true });
  for (const name of readdirSync(template)) {
    const from = join(template, name);
    if (['.html', '.php', '.css', '.js', '.json'].includes(extname(name)))
      writeFileSync(join(out, name), fillUnityTemplate(readFileSync(from, 'utf8'), UNITY_VARIABLES));
    else copyFileSync(from, join(out, name));
  }
  writeFileSync(join(out, 'Build', UNITY_VARIABLES.LOADER_FILENAME), UNITY_LOADER_STAND_IN);
  // The pre-build step's copies under Assets/, then PuerTS's packer over them.
  const copies: Record<string, string> = {};
  for (const name of ['core.mjs', 'webgl.mjs'])
    copies[join(projectAssets, 'ZegoRoomBridge/Resources/ZegoRoomBridge', name)] = readFileSync(join(modules, name), 'utf8');
  writeFileSync(join(out, 'puerts_browser_js_resources.js'), puertsBrowserResources(copies).script);
  writeFileSync(join(out, 'puerts-runtime.js'), PUERTS_RUNTIME_STAND_IN);
  writeFileSync(join(out, 'index.html'), injectPuertsTags(readFileSync(join(out, 'index.html'), 'utf8')));
}

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'zrb-webgl-template-'));
  const assets = join(tmp, 'Game/Assets');
  templateDir = join(assets, 'WebGLTemplates/ZegoRoomBridge');
  mkdirSync(templateDir, { recursive: true });
  for (const name of readdirSync(sample)) copyFileSync(join(sample, name), join(templateDir, name));
  command = await run(['webgl-sdk', '--out', templateDir]);
  built = join(tmp, 'build');
  buildFrom(templateDir, assets, built);
  builtWithoutSdk = join(tmp, 'build-without-sdk');
  const bare = join(tmp, 'bare-template');
  mkdirSync(bare);
  for (const name of readdirSync(sample)) copyFileSync(join(sample, name), join(bare, name));
  buildFrom(bare, assets, builtWithoutSdk);
  world = await openBrowser();
});

afterAll(async () => {
  await world?.close();
  for (const site of sites) await site.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

async function openPage(folder: string): Promise<{ page: Page; errors: string[]; site: StaticSite }> {
  const site = await serveFolder(folder);
  sites.push(site);
  const page = await world!.browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript({ content: fakeTimersScript() });
  await page.goto(`${site.origin}/index.html`);
  await page.waitForFunction(() => (window as unknown as { __unity?: unknown }).__unity !== undefined, undefined, {
    timeout: 30_000,
  });
  return { page, errors, site };
}

describe('zego-room-bridge webgl-sdk', () => {
  test('writes ZegoExpressWebRTC.js from the installed SDK into the template and prints the file and the SDK version', () => {
    expect(command.stderr).toBe('');
    expect(command.code).toBe(0);
    const file = join(templateDir, 'ZegoExpressWebRTC.js');
    expect(command.stdout).toMatch(
      new RegExp(
        `^wrote ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(\\d+ KB\\): zego-express-engine-webrtc ${sdkVersion.replace(/\./g, '\\.')} from .+, defines window\\.ZegoExpressEngine\\n$`,
      ),
    );
    const code = readFileSync(file, 'utf8');
    expect(code.startsWith(`/* ZegoExpressWebRTC.js: zego-express-engine-webrtc ${sdkVersion} and its dependencies`)).toBe(true);
    // Unity preprocesses every .js file of a template: the SDK must come through unchanged.
    expect(fillUnityTemplate(code, UNITY_VARIABLES)).toBe(code);
    // The bridge ships none of ZEGO's code: the sample holds only the page and its picture.
    expect(readdirSync(sample).sort()).toEqual(['index.html', 'thumbnail.png']);
  });

  test('without --out: usage error 2; without the SDK installed: exit 3 naming the package', async () => {
    const noOut = await run(['webgl-sdk']);
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toContain('--out DIR is required');
    const elsewhere = await run(['webgl-sdk', '--out', join(tmp, 'unused'), '--from', tmp]);
    expect(elsewhere.code).toBe(3);
    expect(elsewhere.stderr).toContain(`zego-express-engine-webrtc is not installed in ${tmp}`);
    expect(existsSync(join(tmp, 'unused'))).toBe(false);
  });
});

describe('the WebGL template page, built and served from loopback', () => {
  test('thumbnail.png is the 128x128 PNG Unity shows in Player Settings', () => {
    const png = readFileSync(join(sample, 'thumbnail.png'));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([128, 128]);
  });

  test("the Web SDK loads first, then PuerTS's runtime and modules, then the Unity loader with the build's files; PuerTS adds no second set of tags", async () => {
    const html = readFileSync(join(built, 'index.html'), 'utf8');
    expect(injectPuertsTags(html)).toBe(html);
    expect(html).not.toMatch(/\{\{\{|^#(if|endif)/m);
    const { page, errors } = await openPage(built);
    try {
      const seen = await page.evaluate(() => {
        const w = window as any; // eslint-disable-line @typescript-eslint/no-explicit-any
        const box = document.getElementById('zego-room-bridge-error')!;
        return {
          order: w.__loadOrder,
          unity: w.__unity,
          errorShown: getComputedStyle(box).display,
          version: new w.ZegoExpressEngine(1, 'wss://127.0.0.1:9/ws').getVersion(),
        };
      });
      expect(seen.order).toEqual([
        ['puerts-runtime.js', 'function'],
        ['loader', 'function', 'function', 'object'],
      ]);
      expect(seen.unity).toEqual({
        canvas: 'unity-canvas',
        config: {
          dataUrl: 'Build/Web.data',
          frameworkUrl: 'Build/Web.framework.js',
          codeUrl: 'Build/Web.wasm',
          streamingAssetsUrl: 'StreamingAssets',
          companyName: 'Acme "Games"',
          productName: 'Room Demo',
          productVersion: '1.0',
        },
      });
      expect(seen.errorShown).toBe('none');
      expect(seen.version).toBe(sdkVersion);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  test('through the bridge as the C# shim calls it: no token → LoginFailed 1002067; a closed server port → Logining, nothing when the Web SDK gives up at 300 s, LoginFailed 1002053 at 20 min', async () => {
    const port = await closedLoopbackPort();
    const { page, errors } = await openPage(built);
    try {
      // Made here: a WebGL player's core.mjs has no makeTestToken (the simulator's sim.mjs has).
      const pageNowMs = await page.evaluate(() => Date.now());
      const testToken = makeTestToken04({ expireAtSec: Math.floor(pageNowMs / 1000) + 7200 });
      const seen = await page.evaluate(
        async ({ server, token }) => {
          const w = window as any; // eslint-disable-line @typescript-eslint/no-explicit-any
          // PuertsScriptHost: ExecuteModule("ZegoRoomBridge/core.mjs"), then "ZegoRoomBridge/webgl.mjs".
          const core = w.__puertsExecuteModule('ZegoRoomBridge/core.mjs');
          w.__puertsExecuteModule('ZegoRoomBridge/webgl.mjs');
          const call = (req: unknown) => JSON.parse(core.bridgeInvoke(JSON.stringify(req)));
          const log: unknown[][] = [];
          let start = Date.now();
          // Each event is stamped with the drain that returned it: seconds since the login, one decimal.
          const drain = () => {
            for (const x of JSON.parse(core.bridgeDrain()))
              log.push([((Date.now() - start) / 1000).toFixed(1), x.event, x.callbackId ?? null, ...x.args]);
          };
          // The request ZegoExpressEngine.CreateEngine sends on a WebGL player with ZegoRoomBridgeSettings' defaults.
          const created = call({
            op: 'createEngine',
            appID: 1234567,
            roomMode: 0,
            driver: 'web',
            webServer: server,
            web: { earlyReconnecting: true, extendToRetryWindow: true, retryOnOnline: true, holdGraceMs: 1000 },
          });
          const engine = created.engine;
          call({ op: 'loginRoom', engine, roomID: 'r0', user: { userID: 'u1' }, config: {}, callbackId: 1 });
          await w.__clock.tickAsync(100);
          drain();
          start = Date.now();
          call({ op: 'loginRoom', engine, roomID: 'r1', user: { userID: 'u1' }, config: { token }, callbackId: 2 });
          await w.__clock.tickAsync(100);
          drain();
          await w.__clock.tickAsync(301_000 - 100);
          drain();
          log.push(['the Web SDK gave up at 300 s']);
          await w.__clock.tickAsync(1199_900 - 301_000);
          drain();
          log.push(['1199.9 s']);
          await w.__clock.tickAsync(200);
          drain();
          call({ op: 'destroyEngine', engine });
          return { created, log };
        },
        { server: `wss://127.0.0.1:${port}/ws`, token: testToken },
      );
      expect(seen.created).toMatchObject({ ok: true });
      expect(seen.log).toEqual([
        ['0.1', 'onRoomStateChanged', null, 'r0', 0, 0, ''],
        ['0.1', 'onRoomStateUpdate', null, 'r0', 1, 0, ''],
        ['0.1', 'onRoomStateChanged', null, 'r0', 2, 1002067, ''],
        ['0.1', 'onRoomStateUpdate', null, 'r0', 0, 1002067, ''],
        ['0.1', 'callback', 1, 1002067, ''],
        ['0.1', 'onRoomStateChanged', null, 'r1', 0, 0, ''],
        ['0.1', 'onRoomStateUpdate', null, 'r1', 1, 0, ''],
        ['the Web SDK gave up at 300 s'],
        ['1199.9 s'],
        ['1200.1', 'onRoomStateChanged', null, 'r1', 2, 1002053, ''],
        ['1200.1', 'onRoomStateUpdate', null, 'r1', 0, 1002053, ''],
        ['1200.1', 'callback', 2, 1002053, ''],
      ]);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  test('without ZegoExpressWebRTC.js the page says which command to run, and createEngine answers 1000017 naming the missing global', async () => {
    const { page } = await openPage(builtWithoutSdk);
    try {
      const seen = await page.evaluate(() => {
        const w = window as any; // eslint-disable-line @typescript-eslint/no-explicit-any
        const core = w.__puertsExecuteModule('ZegoRoomBridge/core.mjs');
        w.__puertsExecuteModule('ZegoRoomBridge/webgl.mjs');
        const answer = JSON.parse(
          core.bridgeInvoke(
            JSON.stringify({ op: 'createEngine', appID: 1, roomMode: 0, driver: 'web', webServer: 'wss://127.0.0.1:9/ws' }),
          ),
        );
        const box = document.getElementById('zego-room-bridge-error')!;
        return { answer, shown: getComputedStyle(box).display, text: box.textContent };
      });
      expect(seen.answer).toMatchObject({ ok: false, error: 1000017 });
      expect(seen.answer.message).toContain('no global ZegoExpressEngine');
      expect(seen.shown).toBe('block');
      expect(seen.text).toContain('npx zego-room-bridge webgl-sdk --out Assets/WebGLTemplates/ZegoRoomBridge');
    } finally {
      await page.close();
    }
  });
});

describe("PuerTS's packer and the project path", () => {
  const modulesAt = (project: string) =>
    Object.fromEntries(
      ['core.mjs', 'webgl.mjs'].map((n) => [
        `${project}/Assets/ZegoRoomBridge/Resources/ZegoRoomBridge/${n}`,
        'export const x = 1;',
      ]),
    );

  test.each([
    ['/home/dev/Game', ['ZegoRoomBridge/core.mjs', 'ZegoRoomBridge/webgl.mjs']],
    ['C:/Users/dev/Projects/Game', ['ZegoRoomBridge/core.mjs', 'ZegoRoomBridge/webgl.mjs']],
    ['/home/dev/Editor/Game', []],
    ['/home/dev/UnityEditorProjects/Game', []],
    ['/home/dev/web/node_modules/Game', []],
    ['/home/dev/editor/Game', ['ZegoRoomBridge/core.mjs', 'ZegoRoomBridge/webgl.mjs']],
  ])('a project at %s: the bundle holds %j', (project, keys) => {
    expect(puertsBrowserResources(modulesAt(project)).keys).toEqual(keys);
  });
});
