// Registers the "native" driver with a bridge, and the `nativeEvent` op that hands ZEGO's callbacks (from
// the C# adapter) to an engine's driver: native.mjs (unity-entry.ts) does it on core.mjs's own bridge. The
// driver needs nothing from the host but the bridge's queue, so every non-WebGL player loads it.
import { ZegoErrorCode } from '../core.js';
import { BridgeError, type Bridge, type HostEventDriver } from '../puerts-entry.js';
import { NativeZegoDriver } from './NativeZegoDriver.js';

export const NATIVE_DRIVER_NAME = 'native';

/** On `bridge`: core.mjs's default one from native.mjs; tests pass an isolated one. */
export function registerNativeDriver(bridge: Bridge): void {
  bridge.registerDriver(NATIVE_DRIVER_NAME, (_req, ctx) => new NativeZegoDriver(ctx.emit));
  bridge.extend({ ops: { nativeEvent: (req) => nativeEvent(bridge, req) } });
}

/** One callback of the SDK the C# half drives (ZEGO's Unity SDK), for the engine's driver. */
function nativeEvent(bridge: Bridge, req: Record<string, unknown>): Record<string, unknown> {
  const id = nonEmpty(req, 'engine');
  const driver = bridge.driverOf(id) as Partial<HostEventDriver> | undefined;
  if (!driver)
    throw new BridgeError(ZegoErrorCode.CommonNotLoginRoom, `no engine ${JSON.stringify(id)} (destroyed or never created)`);
  if (typeof driver.onHostEvent !== 'function') {
    throw new BridgeError(
      ZegoErrorCode.CommonIllegalParam,
      `engine ${JSON.stringify(id)} runs no driver that takes native events`,
    );
  }
  if (!Array.isArray(req.args)) throw new BridgeError(ZegoErrorCode.CommonIllegalParam, '"args" must be an array');
  driver.onHostEvent(nonEmpty(req, 'event'), req.args);
  return {};
}

function nonEmpty(req: Record<string, unknown>, key: string): string {
  const value = req[key];
  if (typeof value !== 'string' || value.length === 0)
    throw new BridgeError(ZegoErrorCode.CommonIllegalParam, `"${key}" must be a non-empty string`);
  return value;
}
