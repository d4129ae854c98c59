// zego-room-bridge/webgl: the ZEGO Web SDK driver. Its own bundle (dist/webgl.mjs) because it may
// touch browser globals; the core stays DOM-free and is imported, not copied (one engine per page).
export { ZegoWebDriver, type ZegoWebDriverOptions, type WebEngineLike } from './ZegoWebDriver.js';
export {
  WEBGL_ROOM_MAPPING,
  mapWebCode,
  mapUpdateType,
  versionAtLeast,
  type WebCodeContext,
  type WebRoomStateReason,
} from './mapping.js';
export { browserNetworkWatcher, type NetworkWatcher } from './network.js';
