// The local room server's Node-only module (dist/server.mjs): `zego-room-bridge serve` and `token`
// import it, and tests; no Unity bundle does.
export { DevRoomServer, type DevRoomServerOptions, type DevRoomServerAddress } from './DevRoomServer.js';
export { Timeline, type TimelineEntry } from './timeline.js';
export {
  verifyToken04,
  generateToken04,
  serverSecretProblem,
  SERVER_SECRET_BYTES,
  PRIVILEGE_LOGIN,
  PRIVILEGE_PUBLISH,
  type Token04Expectation,
  type Token04Verdict,
  type GenerateToken04Options,
  type Token04Mode,
} from './token04.js';
export { checkRoomID, checkUser } from '../model/validation.js';
export { ZegoErrorCode } from '../model/errorCodes.js';
