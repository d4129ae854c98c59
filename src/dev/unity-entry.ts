// Entry of dev.mjs (Resources/ZegoRoomBridge/dev.mjs, beside core.mjs): the `dev` driver, which talks to
// the local room server (`npx zego-room-bridge serve`). Importing it registers the driver with core.mjs's
// bridge. Loaded when ZegoRoomBridgeSettings.DevServer is set, in the Editor and development builds only.
import { defaultBridge } from '../puerts-entry.js';
import { installDevDriver } from './bridgeDriver.js';

installDevDriver(defaultBridge);

export * from './DevDriver.js';
export { installDevDriver } from './bridgeDriver.js';
