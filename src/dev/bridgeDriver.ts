// The `dev` driver on a bridge (dev.mjs in Unity): `createEngine` with `"driver":"dev"` and
// `"dev":{"url":"ws://…","heartbeatIntervalMs":5000}` talks to the local room server through the
// host's WebSocket (PuerTS's on native backends, the browser's on WebGL).
import { BridgeError, ZegoErrorCode } from '../puerts-entry.js';
import type { Bridge } from '../boundary/bridge.js';
import { DEV_DRIVER_NAME, createDevDriver } from './DevDriver.js';

/** Registers the "dev" driver on `bridge`. */
export function installDevDriver(bridge: Bridge): void {
  bridge.registerDriver(DEV_DRIVER_NAME, (req) => {
    const options = (req.dev && typeof req.dev === 'object' ? req.dev : {}) as Record<string, unknown>;
    if (typeof options.url !== 'string')
      throw new BridgeError(ZegoErrorCode.CommonIllegalParam, '"dev.url" must be the server address, ws://host:port');
    const interval = options.heartbeatIntervalMs;
    // The bridge's own client ids ("client-1", …) repeat in every Editor and player: two Editors on one
    // server would take each other's place. Only an id the app chose is sent; otherwise the driver picks one.
    return createDevDriver({
      url: options.url,
      heartbeatIntervalMs: typeof interval === 'number' ? interval : undefined,
      clientId: typeof req.clientId === 'string' && req.clientId ? req.clientId : undefined,
    });
  });
}
