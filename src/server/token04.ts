// Token04, ZEGO's room token, verified and generated with the algorithm of ZEGO's public generators
// (github.com/zegoim/zego_server_assistant: token/nodejs/token04 for AES-CBC, token/go/src/token04 and
// token/c++/token04 for AES-GCM). Node only (node:crypto), for the local room server and the CLI; never in
// core.mjs. Which code each rejection gets, and why: docs/DEVSERVER.md, "Tokens (Token04)".
import { Buffer } from 'node:buffer';
import { createCipheriv, createDecipheriv } from 'node:crypto';
import { TextDecoder } from 'node:util';
import { ZegoErrorCode } from '../model/errorCodes.js';
import {
  CBC_IV_BYTES,
  GCM_MODE_BYTE,
  GCM_NONCE_BYTES,
  GCM_TAG_BYTES,
  decodeBase64Strict,
  packToken04,
  unpackToken04,
  type SealedToken04,
  type Token04Mode,
} from './token04Binary.js';

export type { Token04Mode } from './token04Binary.js';

/** ZEGO's ServerSecret is 32 characters; its bytes are the AES-256 key. */
export const SERVER_SECRET_BYTES = 32;
/** The privilege keys and values of the payload (token/go/src/token04: PrivilegeKeyLogin, PrivilegeEnable…). */
export const PRIVILEGE_LOGIN = '1';
export const PRIVILEGE_PUBLISH = '2';

/** The characters the generators draw the iv and the GCM nonce from. */
const IV_ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';
const VERSION = '04';
/** Longest value echoed in a reason: the reasons name what differs, never a whole token or a long string. */
const ECHO_CHARS = 80;

export interface Token04Expectation {
  appID: number;
  serverSecret: string;
  userID: string;
  roomID: string;
  /** Now, Unix milliseconds (the server's clock). */
  nowMs: number;
}

export interface Token04Verdict {
  /** 0 when accepted, else ZEGO's native code (ZegoErrorCode). */
  code: number;
  /** Why, for the server's log and dashboard; never contains the token. */
  reason: string;
  /** The token's expiry, Unix seconds; only when accepted. */
  expireSeconds?: number;
}

export interface GenerateToken04Options {
  appID: number;
  userID: string;
  serverSecret: string;
  effectiveTimeInSeconds: number;
  /** "" (default) or a JSON text such as `{"room_id":"r","privilege":{"1":1,"2":0},"stream_id_list":null}`. */
  payload?: string;
  /** 'gcm' (default, the form ZEGO recommends) or 'cbc' (the older form, still accepted). */
  mode?: Token04Mode;
  /** Now, Unix milliseconds: ctime is its second, expire = ctime + effectiveTimeInSeconds. */
  nowMs: number;
  /** Values in [0, 1): the nonce, then the iv's characters. */
  random: () => number;
}

/** Why `secret` cannot be a ServerSecret, or undefined when it can. */
export function serverSecretProblem(secret: unknown): string | undefined {
  if (typeof secret !== 'string') return 'the server secret must be a string';
  const bytes = Buffer.byteLength(secret, 'utf8');
  return bytes === SERVER_SECRET_BYTES
    ? undefined
    : `the server secret must be ${SERVER_SECRET_BYTES} bytes (ZEGO's ServerSecret is 32 characters), not ${bytes}`;
}

const reject = (code: ZegoErrorCode, reason: string): Token04Verdict => ({ code, reason });
const echo = (value: unknown): string => {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > ECHO_CHARS ? `${text.slice(0, ECHO_CHARS)}…` : text;
};
const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Whether `token` lets `expect.userID` into `expect.roomID` of `expect.appID` at `expect.nowMs`. Never throws:
 * every problem is a code and a reason. Checks, in order: present, version, layout, decryption, claims
 * (app_id, user_id, nonce, expire), payload (room_id, login privilege).
 */
export function verifyToken04(token: string, expect: Token04Expectation): Token04Verdict {
  if (typeof token !== 'string' || token === '') return reject(ZegoErrorCode.RoomNoToken, 'no token');
  const secretProblem = serverSecretProblem(expect.serverSecret);
  if (secretProblem) return reject(ZegoErrorCode.RoomTokenInnerError, `the server is misconfigured: ${secretProblem}`);
  if (!token.startsWith(VERSION)) return reject(ZegoErrorCode.RoomTokenVersionError, 'the token does not start with "04"');
  const binary = decodeBase64Strict(token.slice(VERSION.length));
  if (!binary) return reject(ZegoErrorCode.RoomTokenFormatError, 'the token after "04" is not standard base64');
  const unpacked = unpackToken04(binary);
  if (typeof unpacked === 'string') return reject(ZegoErrorCode.RoomTokenFormatError, unpacked);

  const opened = open(unpacked, expect.serverSecret);
  if (typeof opened === 'string') return reject(ZegoErrorCode.RoomErrorAuthenticationFailed, opened);
  // GCM is authenticated: text that is not a JSON object came from the generator. CBC is not: wrong-secret
  // output that happens to have valid padding is indistinguishable from garbage, so it is an authentication failure.
  const claims = parseObject(opened);
  if (!claims)
    return unpacked.mode === 'gcm'
      ? reject(ZegoErrorCode.RoomTokenFormatError, 'the decrypted token is not a JSON object')
      : reject(ZegoErrorCode.RoomErrorAuthenticationFailed, 'the token does not decrypt with this server secret');

  if (typeof claims.app_id !== 'number' || claims.app_id !== expect.appID)
    return reject(ZegoErrorCode.RoomTokenAppidError, `the token's app_id ${echo(claims.app_id)} is not ${expect.appID}`);
  if (typeof claims.user_id !== 'string' || claims.user_id !== expect.userID)
    return reject(
      ZegoErrorCode.RoomTokenUseridError,
      `the token's user_id ${echo(claims.user_id)} is not ${echo(expect.userID)}`,
    );
  if (!Number.isInteger(claims.nonce))
    return reject(ZegoErrorCode.RoomTokenNoncetypeError, `the token's nonce ${echo(claims.nonce)} is not an integer`);
  const expire = claims.expire;
  if (typeof expire !== 'number' || !Number.isSafeInteger(expire))
    return reject(ZegoErrorCode.RoomTokenExpireError, `the token's expire ${echo(expire)} is not an integer`);
  if (BigInt(expire) !== unpacked.expire)
    return reject(
      ZegoErrorCode.RoomTokenExpireError,
      `the expiry outside the ciphertext (${unpacked.expire}) differs from the one inside (${expire})`,
    );
  if (expire * 1000 <= expect.nowMs)
    return reject(ZegoErrorCode.RoomTokenExpireError, `the token expired at ${expire} (Unix seconds)`);

  const payloadProblem = checkPayload(claims.payload, expect.roomID);
  if (payloadProblem) return payloadProblem;
  return { code: 0, reason: 'accepted', expireSeconds: expire };
}

/** The plaintext, or a reason when it does not decrypt (wrong secret, altered token). */
function open(token: SealedToken04, serverSecret: string): Buffer | string {
  const key = Buffer.from(serverSecret, 'utf8');
  try {
    if (token.mode === 'gcm') {
      const decipher = createDecipheriv('aes-256-gcm', key, token.iv, { authTagLength: GCM_TAG_BYTES });
      decipher.setAuthTag(token.sealed.subarray(token.sealed.length - GCM_TAG_BYTES));
      const body = token.sealed.subarray(0, token.sealed.length - GCM_TAG_BYTES);
      return Buffer.concat([decipher.update(body), decipher.final()]);
    }
    const decipher = createDecipheriv('aes-256-cbc', key, token.iv);
    return Buffer.concat([decipher.update(token.sealed), decipher.final()]);
  } catch {
    return token.mode === 'gcm'
      ? 'the token does not decrypt with this server secret (its GCM tag does not match)'
      : 'the token does not decrypt with this server secret (its CBC padding is wrong)';
  }
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function parseObject(bytes: Buffer | string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(typeof bytes === 'string' ? bytes : strictUtf8.decode(bytes));
    return isObject(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The payload's room and login privilege (token/go/sample/token04/sample-for-rtcroom.go). "" (or none) means
 * no restriction, as does a room_id that is absent, null or "". stream_id_list and the publish privilege
 * concern publishing, which the room model has none of, so they are not checked.
 */
function checkPayload(payload: unknown, roomID: string): Token04Verdict | undefined {
  if (payload === undefined || payload === '') return undefined;
  if (typeof payload !== 'string') return reject(ZegoErrorCode.RoomTokenFormatError, "the token's payload is not a string");
  const fields = parseObject(payload);
  if (!fields) return reject(ZegoErrorCode.RoomTokenFormatError, "the token's payload is not a JSON object");
  const room = fields.room_id;
  if (room !== undefined && room !== null && room !== '') {
    if (typeof room !== 'string') return reject(ZegoErrorCode.RoomTokenFormatError, "the payload's room_id is not a string");
    if (room !== roomID)
      return reject(ZegoErrorCode.RoomErrorAuthenticationFailed, `the token is for room ${echo(room)}, not ${echo(roomID)}`);
  }
  const privilege = fields.privilege;
  if (privilege === undefined || privilege === null) return undefined;
  if (!isObject(privilege)) return reject(ZegoErrorCode.RoomTokenFormatError, "the payload's privilege is not an object");
  const login = privilege[PRIVILEGE_LOGIN];
  if (login === 0) return reject(ZegoErrorCode.RoomErrorAuthenticationFailed, 'the token denies the login privilege ("1": 0)');
  if (login !== undefined && login !== 1)
    return reject(ZegoErrorCode.RoomTokenFormatError, `the payload's login privilege ${echo(login)} is neither 1 nor 0`);
  return undefined;
}

/**
 * A Token04 as ZEGO's generators make it, deterministic for a given `random` and `nowMs`. Throws a TypeError
 * naming the option at fault when an option is invalid (the generators refuse the same inputs).
 */
export function generateToken04(options: GenerateToken04Options): string {
  const { appID, userID, serverSecret, effectiveTimeInSeconds, nowMs, random } = options;
  const payload = options.payload ?? '';
  const mode = options.mode ?? 'gcm';
  if (!Number.isInteger(appID) || appID < 1 || appID > 0xffffffff)
    throw new TypeError(`generateToken04: appID must be an integer from 1 to 4294967295, not ${echo(appID)}`);
  if (typeof userID !== 'string' || userID === '') throw new TypeError('generateToken04: userID must be a non-empty string');
  const secretProblem = serverSecretProblem(serverSecret);
  if (secretProblem) throw new TypeError(`generateToken04: ${secretProblem}`);
  if (!Number.isSafeInteger(effectiveTimeInSeconds) || effectiveTimeInSeconds < 1)
    throw new TypeError(
      `generateToken04: effectiveTimeInSeconds must be a positive integer, not ${echo(effectiveTimeInSeconds)}`,
    );
  if (typeof payload !== 'string') throw new TypeError('generateToken04: payload must be a string');
  if (mode !== 'gcm' && mode !== 'cbc') throw new TypeError(`generateToken04: mode must be 'gcm' or 'cbc', not ${echo(mode)}`);
  if (!Number.isFinite(nowMs) || nowMs < 0) throw new TypeError(`generateToken04: nowMs must be a time (ms), not ${echo(nowMs)}`);
  if (typeof random !== 'function') throw new TypeError('generateToken04: random must be a function');
  const draw = (): number => {
    const value = random();
    if (!(value >= 0 && value < 1)) throw new TypeError(`generateToken04: random() must return [0, 1), not ${echo(value)}`);
    return value;
  };

  const ctime = Math.floor(nowMs / 1000);
  const expire = ctime + effectiveTimeInSeconds;
  if (!Number.isSafeInteger(expire)) throw new TypeError('generateToken04: nowMs + effectiveTimeInSeconds is too far');
  // The generators' int32 nonce: a non-negative one, like Go's Int31 and the Node generator's draw.
  const nonce = Math.floor(draw() * 2 ** 31);
  const plaintext = JSON.stringify({ app_id: appID, user_id: userID, nonce, ctime, expire, payload });
  let iv = '';
  for (let i = 0, n = mode === 'gcm' ? GCM_NONCE_BYTES : CBC_IV_BYTES; i < n; i++)
    iv += IV_ALPHABET[Math.floor(draw() * IV_ALPHABET.length)];

  const key = Buffer.from(serverSecret, 'utf8');
  const ivBytes = Buffer.from(iv, 'latin1');
  let sealed: Buffer;
  if (mode === 'gcm') {
    const cipher = createCipheriv('aes-256-gcm', key, ivBytes, { authTagLength: GCM_TAG_BYTES });
    sealed = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  } else {
    const cipher = createCipheriv('aes-256-cbc', key, ivBytes);
    sealed = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  }
  // The length field is 16 bits; the generators would wrap it silently.
  if (sealed.length > 0xffff) throw new TypeError('generateToken04: payload is too long for a Token04 (64 KiB)');
  return VERSION + packToken04(expire, ivBytes, sealed, mode === 'gcm' ? GCM_MODE_BYTE : undefined).toString('base64');
}
