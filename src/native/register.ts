// Registers the "native" driver with a bridge: native.mjs (unity-entry.ts) does it on core.mjs's own. The
// driver needs nothing from the host but the bridge's queue, so every non-WebGL player loads it.
import type { Bridge } from '../boundary/bridge.js';
import { NativeZegoDriver } from './NativeZegoDriver.js';

export const NATIVE_DRIVER_NAME = 'native';

/** On `bridge`: core.mjs's default one from native.mjs; tests pass an isolated one. */
export function registerNativeDriver(bridge: Bridge): void {
  bridge.registerDriver(NATIVE_DRIVER_NAME, (_req, ctx) => new NativeZegoDriver(ctx.emit));
}
