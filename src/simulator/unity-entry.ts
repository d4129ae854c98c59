// Entry of sim.mjs (Resources/ZegoRoomBridge/sim.mjs, beside core.mjs): the simulated room service for
// the Editor, tests, the demo, and players whose app asks for it (ZegoRoomBridgeSettings.UseSimulator).
// Importing it registers the "simulator" driver and its ops with core.mjs's bridge, the one C# calls.
import { defaultBridge } from '../puerts-entry.js';
import { installSimulator } from './bridgeDriver.js';

installSimulator(defaultBridge);

export { SimulatedRoomService, type SimulatedRoomServiceOptions } from './SimulatedRoomService.js';
export { VirtualClock } from '../host/virtualClock.js';
export { makeTestToken04, type TestToken04Options } from '../token/token04.js';
export { installSimulator, MAX_SIM_ADVANCE_MS, SIMULATOR_DRIVER_NAME } from './bridgeDriver.js';
