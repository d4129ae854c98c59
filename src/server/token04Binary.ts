// Token04's binary, the part after "04" (base64): the layout of ZEGO's public generators
// (github.com/zegoim/zego_server_assistant). Every field is big-endian; strings are uint16 length + bytes.
//   AES-CBC (token/nodejs/token04): int64 expire | uint16 16 | iv (16) | uint16 n | ciphertext (n, PKCS#5 padded)
//   AES-GCM (token/go/src/token04, token/c++/token04): int64 expire | uint16 12 | nonce (12) | uint16 n |
//     ciphertext + 16-byte tag (n) | uint8 1 (the mode: AesEncryptModeGCM)
import { Buffer } from 'node:buffer';

export type Token04Mode = 'gcm' | 'cbc';

/** The trailing mode byte of the GCM form; the CBC form has none. */
export const GCM_MODE_BYTE = 1;
export const CBC_IV_BYTES = 16;
export const GCM_NONCE_BYTES = 12;
export const GCM_TAG_BYTES = 16;
const AES_BLOCK_BYTES = 16;

export interface SealedToken04 {
  mode: Token04Mode;
  /** The expiry outside the ciphertext (what clients read without the secret), Unix seconds. */
  expire: bigint;
  /** The CBC iv or the GCM nonce. */
  iv: Buffer;
  /** The ciphertext; in the GCM form followed by its 16-byte tag. */
  sealed: Buffer;
}

/**
 * The bytes of a strict, canonical standard base64 text (the only one ZEGO's generators write), or undefined.
 * Buffer's decoder skips characters outside the alphabet and ignores unused low bits, so the text is
 * re-encoded and compared: a token that differs from a generated one in any character is never read as it.
 */
export function decodeBase64Strict(text: string): Buffer | undefined {
  const bytes = Buffer.from(text, 'base64');
  return bytes.toString('base64') === text ? bytes : undefined;
}

/**
 * The two forms told apart by their lengths: only one can add up, since the GCM form is the CBC layout plus
 * one trailing byte. A reason (a string) when neither does.
 */
export function unpackToken04(binary: Buffer): SealedToken04 | string {
  if (binary.length < 12) return `the binary is ${binary.length} bytes, shorter than any Token04`;
  const ivLength = binary.readUInt16BE(8);
  const sealedLengthAt = 10 + ivLength;
  if (binary.length < sealedLengthAt + 2) return `the iv length (${ivLength}) runs past the end of the binary`;
  const sealedLength = binary.readUInt16BE(sealedLengthAt);
  const end = sealedLengthAt + 2 + sealedLength;
  const expire = binary.readBigInt64BE(0);
  const iv = binary.subarray(10, sealedLengthAt);
  const sealed = binary.subarray(sealedLengthAt + 2, end);
  if (binary.length === end + 1 && binary[end] === GCM_MODE_BYTE) {
    if (ivLength !== GCM_NONCE_BYTES) return `the GCM nonce is ${ivLength} bytes, not ${GCM_NONCE_BYTES}`;
    if (sealedLength < GCM_TAG_BYTES) return `the GCM ciphertext is ${sealedLength} bytes, shorter than its tag`;
    return { mode: 'gcm', expire, iv, sealed };
  }
  if (binary.length === end) {
    if (ivLength !== CBC_IV_BYTES) return `the CBC iv is ${ivLength} bytes, not ${CBC_IV_BYTES}`;
    if (sealedLength === 0 || sealedLength % AES_BLOCK_BYTES !== 0)
      return `the CBC ciphertext is ${sealedLength} bytes, not a whole number of AES blocks`;
    return { mode: 'cbc', expire, iv, sealed };
  }
  return `the lengths inside (iv ${ivLength}, ciphertext ${sealedLength}) do not add up to the binary's ${binary.length} bytes`;
}

/** The binary of one form: CBC when `modeByte` is absent, GCM (its trailing byte) when given. */
export function packToken04(expire: number, iv: Buffer, sealed: Buffer, modeByte?: number): Buffer {
  const head = Buffer.alloc(10);
  head.writeBigInt64BE(BigInt(expire), 0);
  head.writeUInt16BE(iv.length, 8);
  const sealedLength = Buffer.alloc(2);
  sealedLength.writeUInt16BE(sealed.length, 0);
  const parts = [head, iv, sealedLength, sealed];
  if (modeByte !== undefined) parts.push(Buffer.from([modeByte]));
  return Buffer.concat(parts);
}
