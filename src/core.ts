// The public API every build carries: the npm package (with the simulator, src/index.ts) and core.mjs
// for PuerTS (whose simulator is the separate sim.mjs, so players never carry it).
export { ZegoRoomStateChangedReason, ZegoRoomState, ZegoUpdateType, ZegoRoomMode, ROOM_STATE_OF_REASON } from './model/enums.js';
export { ZegoErrorCode, LOGIN_CANCELLED_ERROR_CODE, RETRYABLE_LOGIN_ERRORS, errorCodeName } from './model/errorCodes.js';
export type {
  ZegoUser,
  ZegoRoomConfig,
  IZegoEventHandler,
  ZegoRoomLoginCallback,
  ZegoRoomLogoutCallback,
} from './model/types.js';
export { MAX_ROOM_ID_BYTES, MAX_USER_ID_BYTES, MAX_USER_NAME_BYTES, utf8Length } from './model/validation.js';
export { ZegoExpressEngine, type ZegoEngineOptions } from './engine/ZegoExpressEngine.js';
/** @internal The session machine's tables (and its types), for the diagram and tools; not a stable API. */
export {
  TRANSITIONS,
  PHASE_EFFECTS,
  type Phase,
  type Input,
  type Effect,
  type Transition,
  type PhaseEffects,
} from './session/transitions.js';
export {
  DefaultReconnectPolicy,
  MAX_TIMER_DELAY_MS,
  MIN_REPEAT_RETRY_DELAY_MS,
  RETRY_WINDOW_MS,
  type ReconnectPolicy,
  type ReconnectContext,
} from './session/reconnectPolicy.js';
export type { RoomDriver, RoomDriverEvents, RoomDriverContext, LoginRequest } from './driver/RoomDriver.js';
export { hostClock, type Clock, type TimerHandle } from './host/clock.js';
export { consoleLogger, type Logger, type LogLevel } from './host/log.js';
/** @internal The leveled logger behind the engine; exported so webgl.mjs and sim.mjs share the core's copy. */
export { toLog, describeError, Log, type LogContext } from './host/log.js';
export type { TraceRecord, TraceFunction, TraceKind } from './engine/trace.js';
export { readToken04Expiry } from './token/token04.js';
export { seededRandom } from './host/random.js';
export { BRIDGE_VERSION } from './version.js';
