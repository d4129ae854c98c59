// Token04 = "04" + base64(int64 BE expire (Unix s) | …). Clients read only the expiry; the room
// service decides validity. Hand-written base64 because PuerTS's native backends lack atob/btoa.

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function base64Encode(bytes: ArrayLike<number>): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i],
      b = i + 1 < bytes.length ? bytes[i + 1] : 0,
      c = i + 2 < bytes.length ? bytes[i + 2] : 0;
    const n = (a << 16) | (b << 8) | c;
    out += B64[(n >> 18) & 63] + B64[(n >> 12) & 63];
    out += i + 1 < bytes.length ? B64[(n >> 6) & 63] : '=';
    out += i + 2 < bytes.length ? B64[n & 63] : '=';
  }
  return out;
}

/** Strict decode: null on any character outside the alphabet or a bad length. */
export function base64Decode(s: string): number[] | null {
  if (s.length % 4 !== 0) return null;
  const out: number[] = [];
  for (let i = 0; i < s.length; i += 4) {
    const v: number[] = [];
    for (let j = 0; j < 4; j++) {
      const ch = s[i + j];
      if (ch === '=') {
        if (i + 4 !== s.length || j < 2) return null;
        v.push(-1);
        continue;
      }
      const k = B64.indexOf(ch);
      if (k < 0 || (v.length > 0 && v[v.length - 1] === -1)) return null;
      v.push(k);
    }
    const n = (v[0] << 18) | (v[1] << 12) | ((v[2] < 0 ? 0 : v[2]) << 6) | (v[3] < 0 ? 0 : v[3]);
    out.push((n >> 16) & 255);
    if (v[2] >= 0) out.push((n >> 8) & 255);
    if (v[3] >= 0) out.push(n & 255);
  }
  return out;
}

/** "04" and strict base64: whole groups of four, '=' only as the last group's padding (as base64Decode accepts). */
const TOKEN04 = /^04(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** The value of a base64 character the pattern above let through, from its code (no alphabet string to ship). */
function sixBits(code: number): number {
  return code > 96 ? code - 71 : code > 64 ? code - 65 : code > 47 ? code + 4 : code === 47 ? 63 : 62;
}

/**
 * The expiry (Unix seconds) of a Token04, or null when the string is not one. Decodes only the first
 * 8 bytes (the expiry), after checking the whole string; the same answer as base64Decode, in fewer bytes of core.mjs.
 */
export function readToken04Expiry(token: string): number | null {
  if (typeof token !== 'string' || token.length < 14 || !TOKEN04.test(token)) return null;
  let expire = 0,
    bytes = 0,
    buffer = 0,
    bits = 0;
  for (let i = 2; i < token.length && token[i] !== '=' && bytes < 8; i++) {
    buffer = ((buffer << 6) | sixBits(token.charCodeAt(i))) & 0xffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      expire = expire * 256 + ((buffer >> bits) & 255);
      bytes++;
    }
  }
  return bytes === 8 && Number.isSafeInteger(expire) ? expire : null;
}

export interface TestToken04Options {
  /** Expiry in Unix seconds. */
  expireAtSec: number;
  /** Filler for the encrypted part, so tokens of different users differ. */
  salt?: string;
}

/**
 * A syntactically valid Token04 for tests and the simulator: the real layout
 * (expire | ivLen | iv | cipherLen | cipher) with a non-secret filler instead of AES output.
 */
export function makeTestToken04(opts: TestToken04Options): string {
  const bytes: number[] = [];
  let e = Math.max(0, Math.floor(opts.expireAtSec));
  const be: number[] = [];
  for (let i = 0; i < 8; i++) {
    be.unshift(e % 256);
    e = Math.floor(e / 256);
  }
  bytes.push(...be);
  const iv = '0123456789abcdef';
  bytes.push(0, iv.length);
  for (let i = 0; i < iv.length; i++) bytes.push(iv.charCodeAt(i));
  const salt = opts.salt ?? 'zego-room-bridge-test';
  const cipher: number[] = [];
  for (let i = 0; i < 32; i++) cipher.push((salt.charCodeAt(i % salt.length) * 31 + i) & 255);
  bytes.push(0, cipher.length, ...cipher);
  return '04' + base64Encode(bytes);
}
