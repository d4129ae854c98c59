// Entry of core.mjs, the module PuerTS loads in Unity (Resources/ZegoRoomBridge/core.mjs):
// the whole public API for TypeScript game code, plus the string-only exports the C# shim calls.
export * from './index.js';
export { bridgeInvoke, bridgeDrain, bridgeReset, BRIDGE_PROTOCOL_VERSION } from './boundary/bridge.js';
export { registerBridgeDriver, type BridgeDriverFactory, type BridgeDriverContext } from './boundary/bridge.js';
