// Headless Chromium with the real Web SDK (zego-express-engine-webrtc 3.12.0) under fake timers.
// The page comes from a local http server on 127.0.0.1; scripts go in with addScriptTag. Every DNS
// name fails (--host-resolver-rules), so the SDK's servers are unreachable wherever this runs.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../chromium';

const root = join(__dirname, '../..');
const nm = (p: string) => readFileSync(join(root, 'node_modules', p), 'utf8');
export const T0 = 1_700_000_000_000;
/** The unreachable server address handed to the SDK. */
export const UNREACHABLE = 'wss://127.0.0.1:9/ws';

export interface BrowserWorld {
  browser: Browser;
  server: Server;
  origin: string;
  close(): Promise<void>;
}

/** Chromium and a page server; a failed launch closes the server again, so nothing keeps jest alive. */
export async function openBrowser(files: Record<string, string> = {}): Promise<BrowserWorld> {
  const server = createServer((req, res) => {
    const body = files[req.url ?? ''];
    if (body !== undefined) {
      res.writeHead(200, { 'content-type': 'text/javascript' });
      res.end(body);
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<!doctype html><html><body></body></html>');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const closeServer = () =>
    new Promise((r) => {
      server.close(r);
      server.closeAllConnections();
    });
  let browser: Browser;
  try {
    browser = await launchChromium(['--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1']);
  } catch (error) {
    await closeServer();
    throw error;
  }
  return {
    browser,
    server,
    origin,
    close: async () => {
      try {
        await browser.close();
      } finally {
        await closeServer();
      }
    },
  };
}

/** @sinonjs/fake-timers' source wrapped as a browser script (its only require is @sinonjs/commons' `global`). */
export function fakeTimersScript(): string {
  return `(function(){var module={exports:{}};var require=function(n){if(n==='@sinonjs/commons')return{global:globalThis};throw new Error('no '+n)};
(function(module,exports,require){${nm('@sinonjs/fake-timers/src/fake-timers-src.js')}\n})(module,module.exports,require);
window.__clock=module.exports.install({now:${T0},toFake:['setTimeout','clearTimeout','setInterval','clearInterval','Date']});})();`;
}

/** A CommonJS registry: the SDK's UMD build and its four dependencies, then the page global the WebGL template would give. */
function sdkScript(): string {
  const mods: Record<string, string> = {
    long: 'long/umd/index.js',
    'protobufjs/minimal': 'protobufjs/dist/minimal/protobuf.js',
    localforage: 'localforage/dist/localforage.js',
    'zego-express-logger': 'zego-express-logger/ZegoExpressLogger.js',
    'zego-express-engine-webrtc': 'zego-express-engine-webrtc/ZegoExpressWebRTC.js',
  };
  let s =
    'window.__defs=window.__defs||{};window.__cache=window.__cache||{};window.require=function(n){if(__cache[n])return __cache[n].exports;var m={exports:{}};__cache[n]=m;__defs[n].call(window,m,m.exports,window.require);return m.exports;};';
  for (const [name, path] of Object.entries(mods))
    s += `__defs[${JSON.stringify(name)}]=function(module,exports,require){var define;${nm(path)}\n};`;
  return s + 'window.ZegoExpressEngine=require("zego-express-engine-webrtc").ZegoExpressEngine;';
}

/** A fresh page: fake timers first, then the real SDK. */
export async function sdkPage(world: BrowserWorld): Promise<Page> {
  const page = await world.browser.newPage();
  await page.goto(world.origin + '/');
  await page.addScriptTag({ content: fakeTimersScript() });
  await page.addScriptTag({ content: sdkScript() });
  return page;
}
