import { VirtualClock, makeTestToken04, readToken04Expiry, utf8Length } from '../src/index';
import { base64Decode, base64Encode } from '../src/token/token04';
import fc from 'fast-check';

describe('VirtualClock', () => {
  test('fires due timers in time order, same-time timers in the order they were set', async () => {
    const c = new VirtualClock(1000);
    const seen: string[] = [];
    c.setTimeout(() => seen.push('b@300'), 300);
    c.setTimeout(() => seen.push('a@100'), 100);
    c.setTimeout(() => seen.push('c@300'), 300);
    const cancelled = c.setTimeout(() => seen.push('never'), 200);
    c.clearTimeout(cancelled);
    await c.advance(250);
    expect(seen).toEqual(['a@100']);
    expect(c.now()).toBe(1250);
    await c.advance(50);
    expect(seen).toEqual(['a@100', 'b@300', 'c@300']);
  });

  test('timers set while advancing fire in the same advance when due; now() is the timer time inside it', async () => {
    const c = new VirtualClock();
    const at: number[] = [];
    c.setTimeout(() => {
      at.push(c.now());
      c.setTimeout(() => at.push(c.now()), 0);
      c.setTimeout(() => at.push(c.now()), 500);
    }, 100);
    await c.advance(1000);
    expect(at).toEqual([100, 100, 600]);
    expect(c.pending()).toBe(0);
  });

  test('advance lets promise jobs run between timers', async () => {
    const c = new VirtualClock();
    const seen: string[] = [];
    c.setTimeout(() => {
      void Promise.resolve().then(() => seen.push('job after t1'));
      seen.push('t1');
    }, 10);
    c.setTimeout(() => seen.push('t2'), 10);
    await c.advance(10);
    expect(seen).toEqual(['t1', 'job after t1', 't2']);
  });
});

describe('Token04', () => {
  test('a test token carries its expiry where the Web SDK reads it (first 8 bytes, big-endian)', () => {
    const token = makeTestToken04({ expireAtSec: 1_700_000_123 });
    expect(token.startsWith('04')).toBe(true);
    expect(readToken04Expiry(token)).toBe(1_700_000_123);
    const bytes = Buffer.from(token.slice(2), 'base64');
    expect(Number(bytes.readBigUInt64BE(0))).toBe(1_700_000_123);
    expect(bytes.readUInt16BE(8)).toBe(16); // iv length, as in zego_server_assistant's layout
  });

  test('not a Token04 → null', () => {
    for (const t of ['', 'abc', '03' + 'A'.repeat(40), '04!!!!', '04' + 'AAAA', '04A==='])
      expect(readToken04Expiry(t)).toBeNull();
  });

  test('readToken04Expiry answers as the strict full decode does, for tokens, near-tokens and junk', () => {
    // The reference: base64Decode the whole string, then the first 8 bytes big-endian (what core.mjs shipped before).
    const reference = (token: string): number | null => {
      if (token.length < 14 || token.slice(0, 2) !== '04') return null;
      const bytes = base64Decode(token.slice(2));
      if (!bytes || bytes.length < 8) return null;
      let expire = 0;
      for (let i = 0; i < 8; i++) expire = expire * 256 + bytes[i];
      return Number.isSafeInteger(expire) ? expire : null;
    };
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=_-!';
    // The expiry's first byte below 32 keeps it a safe integer; the other bytes unbiased, so '+' and '/' show up early.
    const byte = fc.noBias(fc.integer({ min: 0, max: 255 }));
    const valid = fc
      .tuple(fc.integer({ min: 0, max: 31 }), fc.array(byte, { maxLength: 30 }))
      .map(([first, rest]) => '04' + Buffer.from([first, ...rest]).toString('base64'));
    const near = fc
      .tuple(valid, fc.nat(60), fc.constantFrom(...alphabet.split('')))
      .map(([t, i, c]) => t.slice(0, i) + c + t.slice(i + 1));
    const junk = fc.array(fc.constantFrom(...alphabet.split('')), { maxLength: 30 }).map((a) => '04' + a.join(''));
    fc.assert(
      fc.property(fc.oneof(valid, near, junk), (token) => {
        expect(readToken04Expiry(token)).toBe(reference(token));
      }),
      { seed: 7, numRuns: 3000 },
    );
    expect(readToken04Expiry(makeTestToken04({ expireAtSec: 2 ** 40 }))).toBe(2 ** 40);
    expect(readToken04Expiry('04' + Buffer.from([0, 0, 0, 0, 0x3e, 0xfb, 0xff, 0xff, 0]).toString('base64'))).toBe(0x3efbffff);
    expect(readToken04Expiry('04' + Buffer.from([255, 255, 255, 255, 255, 255, 255, 255, 0]).toString('base64'))).toBeNull();
  });

  test('base64 matches Node for any bytes (no atob needed)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (arr) => {
        const ours = base64Encode(Array.from(arr));
        expect(ours).toBe(Buffer.from(arr).toString('base64'));
        expect(base64Decode(ours)).toEqual(Array.from(arr));
      }),
      { seed: 1, numRuns: 300 },
    );
  });

  test('utf8Length matches Node for any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (s) => {
        expect(utf8Length(s)).toBe(Buffer.byteLength(s, 'utf8'));
      }),
      { seed: 2, numRuns: 300 },
    );
  });
});
