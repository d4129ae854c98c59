// The dev driver as a WebGL player runs it: core.mjs and dev.mjs from the UPM package's Resources folder,
// loaded as ES modules in headless Chromium, on the browser's own WebSocket, driven through the bridge's
// string boundary (bridgeInvoke, bridgeDrain) as the C# shim drives it, against a real `serve` process on
// loopback with a Node engine (a bot) in the same room. Every wait is bounded.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { openBrowser, type BrowserWorld } from './webgl/browser';
import { admin, DevClient, startServe, type ServeProcess } from './support/devServer';
import { ZegoRoomStateChangedReason as R, ZegoUpdateType } from '../src/index';

jest.setTimeout(60_000);

const modules = join(__dirname, '../unity-plugin/Runtime/Resources/ZegoRoomBridge');
const HEARTBEAT_TIMEOUT_MS = 3000;
const INTERVAL_MS = 300;
/** Scheduling slack a loaded CI machine may add to a real-time measurement. */
const SLACK_MS = 700;

interface Drained {
  engine: string;
  event: string;
  callbackId?: number;
  args: unknown[];
}

let server: ServeProcess;
let world: BrowserWorld;
const bots: DevClient[] = [];

beforeAll(async () => {
  server = await startServe(['--heartbeat-timeout-ms', String(HEARTBEAT_TIMEOUT_MS)]);
  // The page server answers these paths with the modules (text/javascript), anything else with an empty page.
  world = await openBrowser({
    '/ZegoRoomBridge/core.mjs': readFileSync(join(modules, 'core.mjs'), 'utf8'),
    '/ZegoRoomBridge/dev.mjs': readFileSync(join(modules, 'dev.mjs'), 'utf8'),
  });
});
afterAll(async () => {
  for (const b of bots.splice(0)) b.destroy();
  await world?.close();
  await server?.stop();
});

/** A WebGL page with core.mjs and dev.mjs loaded (dev.mjs registers the "dev" driver with core.mjs's bridge). */
async function webglPage(): Promise<{ page: Page; errors: string[]; events: Drained[] }> {
  const page = await world.browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${world.origin}/`);
  // A string, so the page runs its own import() (ts-jest would rewrite a function's for CommonJS).
  await page.evaluate(
    `(async () => { window.core = await import('/ZegoRoomBridge/core.mjs'); await import('/ZegoRoomBridge/dev.mjs'); })()`,
  );
  return { page, errors, events: [] };
}

function invoke(page: Page, request: Record<string, unknown>): Promise<Record<string, unknown>> {
  return page.evaluate(
    (text) => JSON.parse((window as unknown as { core: { bridgeInvoke(t: string): string } }).core.bridgeInvoke(text)),
    JSON.stringify(request),
  );
}

/** Drains the bridge (as PuertsScriptHost does every frame) until `done` holds; rejects after `timeoutMs`. */
async function drainUntil(
  page: Page,
  events: Drained[],
  done: (events: Drained[]) => boolean,
  timeoutMs = 10_000,
): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const batch: Drained[] = await page.evaluate(() =>
      JSON.parse((window as unknown as { core: { bridgeDrain(): string } }).core.bridgeDrain()),
    );
    events.push(...batch);
    if (done(events)) return Date.now();
    if (Date.now() > deadline) throw new Error(`not seen in ${timeoutMs} ms; drained: ${JSON.stringify(events)}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

const states = (events: Drained[]) =>
  events.filter((e) => e.event === 'onRoomStateChanged').map((e) => [e.args[1], e.args[2]] as [R, number]);
const lastState = (events: Drained[]) => states(events).at(-1)?.[0];

/** The page's engine logged in to `room` (Logined), and a Node bot after it; the page has heard the bot's Add. */
async function pageAndBotInRoom(room: string, clientId: string) {
  const { page, errors, events } = await webglPage();
  const created = await invoke(page, {
    op: 'createEngine',
    appID: 1,
    roomMode: 0,
    driver: 'dev',
    dev: { url: server.url, heartbeatIntervalMs: INTERVAL_MS },
    retryWindowMs: 10_000,
    clientId,
  });
  expect(created).toMatchObject({ ok: true, clientId });
  const engine = created.engine as string;
  expect(
    await invoke(page, {
      op: 'loginRoom',
      engine,
      roomID: room,
      user: { userID: `${room}-web`, userName: 'WebGL tab' },
      config: { isUserStatusNotify: true },
      callbackId: 1,
    }),
  ).toMatchObject({ ok: true });
  await drainUntil(page, events, (e) => lastState(e) === R.Logined);
  const bot = new DevClient(`${room}-bot`, server.url, { heartbeatIntervalMs: INTERVAL_MS });
  bots.push(bot);
  bot.login(room);
  await bot.waitForState(R.Logined);
  await drainUntil(page, events, (e) => e.some((x) => x.event === 'onRoomUserUpdate'));
  return { page, errors, events, engine, bot };
}

test('login (Logining → Logined), the Add of a Node bot, then a cut socket → Reconnecting (1002051) → Reconnected (0)', async () => {
  const { page, errors, events, engine, bot } = await pageAndBotInRoom('webgl', 'webgl-tab');
  try {
    const answered = events.find((e) => e.event === 'callback')!;
    expect(answered).toMatchObject({ engine, callbackId: 1, args: [0, expect.any(String)] });
    // extendedData as ZEGO's server gives it: the room session's id.
    expect(JSON.parse(answered.args[1] as string)).toEqual({ room_session_id: expect.any(String) });
    expect(events.filter((e) => e.event === 'onRoomUserUpdate').map((e) => e.args)).toEqual([
      ['webgl', ZegoUpdateType.Add, [{ userID: 'webgl-bot', userName: 'webgl-bot' }]],
    ]);
    const heardByBot = bot.seen.length;

    expect(await admin(server, 'clients/webgl-tab/cut')).toBe(200);
    await drainUntil(page, events, (e) => lastState(e) === R.Reconnected);
    expect(states(events)).toEqual([
      [R.Logining, 0],
      [R.Logined, 0],
      [R.Reconnecting, 1002051],
      [R.Reconnected, 0],
    ]);
    // The server resumed the tab's member session: the bot was told nothing.
    expect(bot.seen.slice(heardByBot)).toEqual([]);
    expect(await invoke(page, { op: 'destroyEngine', engine })).toMatchObject({ ok: true });
    expect(errors).toEqual([]);
  } finally {
    await page.close();
  }
});

test('a silent link (blackhole): Reconnecting within two heartbeat intervals on the browser WebSocket; restore → Reconnected', async () => {
  const { page, errors, events, engine } = await pageAndBotInRoom('silent', 'silent-tab');
  try {
    const silentAt = Date.now();
    expect(await admin(server, 'clients/silent-tab/blackhole')).toBe(200);
    const seenAt = await drainUntil(page, events, (e) => lastState(e) === R.Reconnecting);
    expect(seenAt - silentAt).toBeLessThanOrEqual(2 * INTERVAL_MS + SLACK_MS);
    expect(await admin(server, 'clients/silent-tab/restore')).toBe(200);
    await drainUntil(page, events, (e) => lastState(e) === R.Reconnected);
    expect(states(events).slice(2)).toEqual([
      [R.Reconnecting, 1002051],
      [R.Reconnected, 0],
    ]);
    expect(await invoke(page, { op: 'destroyEngine', engine })).toMatchObject({ ok: true });
    expect(errors).toEqual([]);
  } finally {
    await page.close();
  }
});
