// Token04 made the way ZEGO's public generators make it (github.com/zegoim/zego_server_assistant), written
// for the tests from those generators and independent of src/server: the AES-CBC form of
// token/nodejs/token04/server/zegoServerAssistant.ts (DataView fields, a 16-character iv) and the AES-GCM form
// of token/go/src/token04/token04.go and token/c++/token04 (a 12-character nonce, the 16-byte tag after the
// ciphertext, a trailing mode byte 1). Time and randomness are parameters, so every token is reproducible;
// `plaintext` and `outsideExpire` let a test forge what a generator never writes.
import { createCipheriv, createDecipheriv } from 'node:crypto';

export interface OfficialTokenInput {
  appId: number;
  userId: string;
  secret: string;
  effectiveTimeInSeconds: number;
  /** "" or a JSON text (the privilege samples' `{room_id, privilege, stream_id_list}`). */
  payload: string;
  /** The generators' `time.Now().Unix()`. */
  createTime: number;
  /** The generators' random int32. */
  nonce: number;
  /** The generators' random characters: 16 used for CBC, the first 12 for GCM. */
  randomChars: string;
  /** Replaces the JSON the generators encrypt. */
  plaintext?: string;
  /** Replaces the expiry written outside the ciphertext. */
  outsideExpire?: number;
}

/** The JSON both generators encrypt, in the Node generator's key order. */
export function officialPlaintext(input: OfficialTokenInput): string {
  return JSON.stringify({
    app_id: input.appId,
    user_id: input.userId,
    nonce: input.nonce,
    ctime: input.createTime,
    expire: input.createTime + input.effectiveTimeInSeconds,
    payload: input.payload,
  });
}

function uint16(n: number): Uint8Array {
  const bytes = new Uint8Array(2);
  new DataView(bytes.buffer).setUint16(0, n, false);
  return bytes;
}

function int64(n: number): Uint8Array {
  const bytes = new Uint8Array(8);
  new DataView(bytes.buffer).setBigInt64(0, BigInt(n), false);
  return bytes;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

const expireOf = (input: OfficialTokenInput) => input.outsideExpire ?? input.createTime + input.effectiveTimeInSeconds;

/** The Node generator: aes-256-cbc with the secret string as key and the iv string as iv, auto padding. */
export function officialCbcToken04(input: OfficialTokenInput): string {
  const iv = input.randomChars.slice(0, 16);
  const cipher = createCipheriv('aes-256-cbc', input.secret, iv);
  cipher.setAutoPadding(true);
  const encrypted = new Uint8Array(Buffer.concat([cipher.update(input.plaintext ?? officialPlaintext(input)), cipher.final()]));
  const binary = concat([int64(expireOf(input)), uint16(iv.length), Buffer.from(iv), uint16(encrypted.byteLength), encrypted]);
  return '04' + Buffer.from(binary).toString('base64');
}

/** The Go and C++ generators: AES-GCM (key = secret bytes), PackString(nonce), PackString(ciphertext+tag), PackUint8(1). */
export function officialGcmToken04(input: OfficialTokenInput): string {
  const nonce = Buffer.from(input.randomChars.slice(0, 12));
  const cipher = createCipheriv('aes-256-gcm', Buffer.from(input.secret), nonce);
  const crypted = Buffer.concat([
    cipher.update(input.plaintext ?? officialPlaintext(input), 'utf8'),
    cipher.final(),
    cipher.getAuthTag(),
  ]);
  const binary = concat([int64(expireOf(input)), uint16(nonce.length), nonce, uint16(crypted.length), crypted, Uint8Array.of(1)]);
  return '04' + Buffer.from(binary).toString('base64');
}

export const officialToken04 = (mode: 'cbc' | 'gcm', input: OfficialTokenInput): string =>
  mode === 'cbc' ? officialCbcToken04(input) : officialGcmToken04(input);

export interface OpenedToken04 {
  mode: 'cbc' | 'gcm';
  outsideExpire: number;
  iv: string;
  claims: Record<string, unknown>;
}

/** Reads a token the way the layouts above write it (the tests' check that a generated token is one of them). */
export function openOfficialToken04(token: string, secret: string): OpenedToken04 {
  if (!token.startsWith('04')) throw new Error('not a Token04');
  const binary = Buffer.from(token.slice(2), 'base64');
  const view = new DataView(binary.buffer, binary.byteOffset, binary.byteLength);
  const outsideExpire = Number(view.getBigInt64(0, false));
  const ivLength = view.getUint16(8, false);
  const iv = binary.subarray(10, 10 + ivLength);
  const cryptedLength = view.getUint16(10 + ivLength, false);
  const crypted = binary.subarray(12 + ivLength, 12 + ivLength + cryptedLength);
  const tail = binary.length - (12 + ivLength + cryptedLength);
  let plain: Buffer;
  let mode: 'cbc' | 'gcm';
  if (tail === 1 && binary[binary.length - 1] === 1) {
    mode = 'gcm';
    const decipher = createDecipheriv('aes-256-gcm', Buffer.from(secret), iv);
    decipher.setAuthTag(crypted.subarray(crypted.length - 16));
    plain = Buffer.concat([decipher.update(crypted.subarray(0, crypted.length - 16)), decipher.final()]);
  } else if (tail === 0) {
    mode = 'cbc';
    const decipher = createDecipheriv('aes-256-cbc', Buffer.from(secret), iv);
    plain = Buffer.concat([decipher.update(crypted), decipher.final()]);
  } else throw new Error(`a Token04 binary with ${tail} bytes after the ciphertext`);
  return { mode, outsideExpire, iv: iv.toString('latin1'), claims: JSON.parse(plain.toString('utf8')) };
}
