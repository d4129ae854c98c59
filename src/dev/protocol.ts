// The local room server's wire protocol (docs/DEVSERVER.md), as data: the dev driver and the server
// both read these tables, and `npm run gen:schema` writes docs/devserver.schema.json from them (a test
// fails when it drifts). JSON text frames, one object each, `t` naming its type.

/** Bumped on any change a peer of the other version would misread; `hello` and `welcome` carry it. */
export const DEV_PROTOCOL_VERSION = 1;

/** Field kinds a message may carry; `users` is a list of `{ userID, userName }`. */
export type DevFieldKind = 'string' | 'integer' | 'boolean' | 'users';

export interface DevFieldSpec {
  kind: DevFieldKind;
  /** Longest string (characters) or list (entries) accepted. */
  max?: number;
  /** Smallest and largest integer accepted. */
  min?: number;
  maxValue?: number;
  optional?: boolean;
  description: string;
}

export type DevMessageSpec = Record<string, DevFieldSpec>;

const room: DevFieldSpec = { kind: 'string', max: 128, description: 'the room ID' };
const key: DevFieldSpec = {
  kind: 'integer',
  min: 1,
  maxValue: 2 ** 53 - 1,
  description: 'the member session the server gave this client in the room (from loginResult)',
};

/** What a client sends. */
export const CLIENT_MESSAGES: Record<string, DevMessageSpec> = {
  hello: {
    v: { kind: 'integer', min: 1, maxValue: 1000, description: 'protocol version the client speaks' },
    clientId: { kind: 'string', max: 64, description: 'the device: stable across this engine’s reconnections' },
    appID: { kind: 'integer', min: 0, maxValue: 4294967295, description: 'the engine’s appID' },
  },
  hb: {},
  login: {
    room,
    attempt: { kind: 'integer', min: 1, maxValue: 2 ** 53 - 1, description: 'the engine’s attempt id, echoed in loginResult' },
    userID: { kind: 'string', max: 64, description: 'ZegoUser.userID' },
    userName: { kind: 'string', max: 256, description: 'ZegoUser.userName' },
    token: { kind: 'string', max: 4096, description: 'ZegoRoomConfig.token ("" when none)' },
    maxMemberCount: { kind: 'integer', min: 0, maxValue: 4294967295, description: 'ZegoRoomConfig.maxMemberCount' },
    notify: { kind: 'boolean', description: 'ZegoRoomConfig.isUserStatusNotify' },
    reconnect: { kind: 'boolean', description: 'true when re-establishing a room this client was in' },
  },
  logout: { room },
  renew: { room, token: { kind: 'string', max: 4096, description: 'the new token' } },
};

/** What the server sends. */
export const SERVER_MESSAGES: Record<string, DevMessageSpec> = {
  welcome: {
    v: { kind: 'integer', min: 1, maxValue: 1000, description: 'protocol version the server speaks' },
    heartbeatTimeoutMs: {
      kind: 'integer',
      min: 1,
      maxValue: 2 ** 31 - 1,
      description: 'a silent member is removed this long after its last sign of life',
    },
    tokenCheck: { kind: 'boolean', description: 'true when tokens are verified with the server secret' },
  },
  hb: {},
  loginResult: {
    room,
    attempt: { kind: 'integer', min: 1, maxValue: 2 ** 53 - 1, description: 'the attempt this answers' },
    code: { kind: 'integer', min: 0, maxValue: 2 ** 31 - 1, description: '0 = in the room; else ZEGO’s error code' },
    ext: { kind: 'string', max: 4096, description: 'extendedData (JSON text, "" when none)' },
    key: { ...key, min: 0, description: 'the member session made (0 when the login failed)' },
    kicked: { kind: 'boolean', description: 'true: the client was removed while it could not hear it; code is the kick’s' },
  },
  userUpdate: {
    room,
    key,
    update: { kind: 'integer', min: 0, maxValue: 1, description: 'ZegoUpdateType: 0 Add, 1 Delete' },
    users: { kind: 'users', max: 100000, description: 'the users added or deleted' },
  },
  count: { room, key, count: { kind: 'integer', min: 0, maxValue: 2 ** 31 - 1, description: 'users online in the room' } },
  tokenWillExpire: {
    room,
    key,
    remain: { kind: 'integer', min: 0, maxValue: 2 ** 31 - 1, description: 'seconds until the token expires' },
  },
  kick: {
    room,
    key,
    code: { kind: 'integer', min: 1, maxValue: 2 ** 31 - 1, description: 'ZEGO’s kick code (1002050, 1002055, 1002056)' },
  },
  renewResult: {
    room,
    code: { kind: 'integer', min: 0, maxValue: 2 ** 31 - 1, description: '0 = accepted; else ZEGO’s token error code' },
  },
};

/** WebSocket close codes the server uses (docs/DEVSERVER.md). */
export const DEV_CLOSE = {
  /** The server is shutting down (Ctrl-C). */
  ServerShutdown: 1001,
  /** A frame larger than DEV_MAX_FRAME_BYTES. */
  FrameTooLarge: 1009,
  /** The server failed handling a frame (a bug: please report it); only this connection is closed. */
  InternalError: 1011,
  /** The `restart` fault: every socket dropped, every room forgotten. */
  ServerRestart: 4000,
  /** A newer connection of the same clientId took over. */
  Replaced: 4001,
  /** Not JSON, not an object, unknown `t`, a field missing or out of range, or `hello` not first. */
  BadMessage: 4400,
  /** Protocol version the server does not speak. */
  VersionMismatch: 4426,
  /** No `hello` within DEV_HELLO_TIMEOUT_MS of opening, or nothing heard for the heartbeat timeout. */
  Silent: 4408,
  /** More than DEV_RATE_LIMIT messages in one second. */
  RateLimited: 4429,
  /** DEV_MAX_CONNECTIONS sockets are open already. */
  ServerFull: 4503,
} as const;

/** Largest frame the server reads (bytes). */
export const DEV_MAX_FRAME_BYTES = 64 * 1024;
/** A TCP connection must finish its HTTP upgrade request this soon, or it is dropped (HTTP 408) (ms). */
export const DEV_HEADERS_TIMEOUT_MS = 10_000;
/** A socket must say hello this soon after opening (ms). */
export const DEV_HELLO_TIMEOUT_MS = 10_000;
/** Messages per connection per second (a token bucket of this size, refilled continuously). */
export const DEV_RATE_LIMIT = 100;
/** Open sockets the server accepts at most. */
export const DEV_MAX_CONNECTIONS = 20_000;

export type DevMessage = { t: string } & Record<string, unknown>;

/**
 * Reads one frame against `table`: the message, or a reason it is refused. Extra fields are ignored
 * (a newer peer may add some); a missing or out-of-range field refuses the message.
 */
export function readDevMessage(text: string, table: Record<string, DevMessageSpec>): DevMessage | string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return 'not JSON';
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return 'not a JSON object';
  const message = value as Record<string, unknown>;
  const type = message.t;
  if (typeof type !== 'string' || !Object.prototype.hasOwnProperty.call(table, type))
    return `unknown message type ${JSON.stringify(type)}`;
  const spec = table[type];
  for (const name of Object.keys(spec)) {
    const problem = fieldProblem(message[name], spec[name]);
    if (problem) return `${type}.${name}: ${problem}`;
  }
  return message as DevMessage;
}

function fieldProblem(value: unknown, spec: DevFieldSpec): string {
  if (value === undefined) return spec.optional ? '' : 'missing';
  switch (spec.kind) {
    case 'string':
      if (typeof value !== 'string') return 'not a string';
      return spec.max !== undefined && value.length > spec.max ? `longer than ${spec.max}` : '';
    case 'boolean':
      return typeof value === 'boolean' ? '' : 'not a boolean';
    case 'integer':
      if (typeof value !== 'number' || !Number.isInteger(value)) return 'not an integer';
      if (spec.min !== undefined && value < spec.min) return `below ${spec.min}`;
      return spec.maxValue !== undefined && value > spec.maxValue ? `above ${spec.maxValue}` : '';
    case 'users': {
      if (!Array.isArray(value)) return 'not a list';
      if (spec.max !== undefined && value.length > spec.max) return `more than ${spec.max} entries`;
      for (const user of value) {
        if (!user || typeof user !== 'object' || typeof user.userID !== 'string' || typeof user.userName !== 'string')
          return 'an entry is not { userID, userName }';
      }
      return '';
    }
  }
}
