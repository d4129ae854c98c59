// Entry of webgl.mjs for PuerTS WebGL builds (Resources/ZegoRoomBridge/webgl.mjs, beside core.mjs):
// registers the "web" driver with the core's C# bridge. The Web SDK engine is built from the page's
// global `ZegoExpressEngine` (the WebGL template's <script> tag) with the appID and the bridge
// request's `webServer` (the Web SDK needs a server address; ZEGO's native engine profile has none).
import { registerBridgeDriver } from '../puerts-entry.js';
import { ZegoWebDriver, type WebEngineLike, type ZegoWebDriverOptions } from './ZegoWebDriver.js';

type WebEngineConstructor = new (appID: number, server: string | string[]) => WebEngineLike;

registerBridgeDriver('web', (req, ctx) => {
  const Ctor = (globalThis as { ZegoExpressEngine?: unknown }).ZegoExpressEngine;
  if (typeof Ctor !== 'function') {
    throw new Error('driver "web": no global ZegoExpressEngine — load the ZEGO Web SDK script in the WebGL template');
  }
  const server = req.webServer;
  const valid =
    (typeof server === 'string' && server.length > 0) ||
    (Array.isArray(server) && server.length > 0 && server.every((s) => typeof s === 'string' && s.length > 0));
  if (!valid) throw new Error('driver "web": "webServer" (the Web SDK server address, wss://…) is required');
  const web = (req.web && typeof req.web === 'object' ? req.web : {}) as Record<string, unknown>;
  const options: ZegoWebDriverOptions = {};
  if (typeof web.earlyReconnecting === 'boolean') options.earlyReconnecting = web.earlyReconnecting;
  if (typeof web.extendToRetryWindow === 'boolean') options.extendToRetryWindow = web.extendToRetryWindow;
  if (typeof web.retryOnOnline === 'boolean') options.retryOnOnline = web.retryOnOnline;
  if (typeof web.holdGraceMs === 'number' && web.holdGraceMs >= 0) options.holdGraceMs = web.holdGraceMs;
  return new ZegoWebDriver(new (Ctor as WebEngineConstructor)(ctx.appID, server as string | string[]), options);
});

export { ZegoWebDriver };
export { WEBGL_ROOM_MAPPING } from './mapping.js';
