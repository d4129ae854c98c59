// zego-room-bridge: ZEGO Express room connection state, the same on every platform.
export * from './core.js';
/** @internal The skeleton of the SDK-backed drivers (not in core.mjs: webgl.mjs and native.mjs carry their own). */
export { SdkDriver, SdkRoomStatus, type SdkRoom, type Reaction, type Raise } from './driver/sdkDriver.js';
// The simulated room service and virtual time, for tests and tools (in Unity: sim.mjs, not core.mjs).
export { SimulatedRoomService, type SimulatedRoomServiceOptions } from './simulator/SimulatedRoomService.js';
export { VirtualClock } from './host/virtualClock.js';
export { makeTestToken04, type TestToken04Options } from './token/token04.js';
export * from './dev/DevDriver.js';
export {
  DEV_PROTOCOL_VERSION,
  DEV_CLOSE,
  DEV_MAX_FRAME_BYTES,
  DEV_HELLO_TIMEOUT_MS,
  DEV_RATE_LIMIT,
  DEV_MAX_CONNECTIONS,
  CLIENT_MESSAGES,
  SERVER_MESSAGES,
  type DevMessageSpec,
  type DevFieldSpec,
} from './dev/protocol.js';
/** @internal ZEGO's ID rules as the engine applies them (0, or the code loginRoom would give); the bots CLI checks its flags with them. */
export { checkRoomID, checkUser } from './model/validation.js';
