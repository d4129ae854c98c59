// The local room server's package entry (dist/server.mjs, Node only): `npx zego-room-bridge serve`
// and tests import it; no Unity bundle does.
export { DevRoomServer, type DevRoomServerOptions, type DevRoomServerAddress } from './DevRoomServer.js';
export { Timeline, type TimelineEntry } from './timeline.js';
