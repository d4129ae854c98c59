// Entry of core.mjs, the module PuerTS loads in Unity (Resources/ZegoRoomBridge/core.mjs):
// the public API for TypeScript game code, plus the string-only exports the C# shim calls.
// The simulated room service is not here: sim.mjs (src/simulator/unity-entry.ts) adds it to the bridge.
import { registerNativeDriver } from './native/register.js';

export * from './core.js';
export { bridgeInvoke, bridgeDrain, bridgePending, bridgeReset, BRIDGE_PROTOCOL_VERSION } from './boundary/bridge.js';
export { registerBridgeDriver, type BridgeDriverFactory, type BridgeDriverContext, type HostEventDriver } from './boundary/bridge.js';
export { createBridge, defaultBridge, BridgeError, type Bridge, type BridgeExtension, type RequestedTime } from './boundary/bridge.js';
export { NativeZegoDriver, NATIVE_COMMAND, NATIVE_EVENT } from './native/index.js';

// The "native" driver (ZEGO's Unity SDK, through the C# adapter) is part of the core on every platform.
registerNativeDriver();
