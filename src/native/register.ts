// Registers the "native" driver with the C# bridge. Part of core.mjs itself (puerts-entry.ts): the
// driver needs nothing from the host but the bridge's queue, so every native player has it.
import { defaultBridge, type Bridge } from '../boundary/bridge.js';
import { NativeZegoDriver } from './NativeZegoDriver.js';

export const NATIVE_DRIVER_NAME = 'native';

/** On `bridge`, core.mjs's own by default (tests pass an isolated one). */
export function registerNativeDriver(bridge: Bridge = defaultBridge): void {
  bridge.registerDriver(NATIVE_DRIVER_NAME, (_req, ctx) => new NativeZegoDriver(ctx.emit));
}
