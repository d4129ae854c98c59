// Entry of core.mjs, the module PuerTS loads in Unity (Resources/ZegoRoomBridge/core.mjs):
// the public API for TypeScript game code, plus the string-only exports the C# shim calls.
// Drivers are not here: native.mjs (src/native/unity-entry.ts), webgl.mjs and sim.mjs register theirs on the bridge.

export * from './core.js';
export { bridgeInvoke, bridgeDrain, bridgePending, bridgeReset, BRIDGE_PROTOCOL_VERSION } from './boundary/bridge.js';
export {
  registerBridgeDriver,
  type BridgeDriverFactory,
  type BridgeDriverContext,
  type HostEventDriver,
} from './boundary/bridge.js';
export {
  createBridge,
  defaultBridge,
  BridgeError,
  type Bridge,
  type BridgeExtension,
  type RequestedTime,
} from './boundary/bridge.js';
