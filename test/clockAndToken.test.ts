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
    c.setTimeout(() => { at.push(c.now()); c.setTimeout(() => at.push(c.now()), 0); c.setTimeout(() => at.push(c.now()), 500); }, 100);
    await c.advance(1000);
    expect(at).toEqual([100, 100, 600]);
    expect(c.pending()).toBe(0);
  });

  test('advance lets promise jobs run between timers', async () => {
    const c = new VirtualClock();
    const seen: string[] = [];
    c.setTimeout(() => { void Promise.resolve().then(() => seen.push('job after t1')); seen.push('t1'); }, 10);
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
    for (const t of ['', 'abc', '03' + 'A'.repeat(40), '04!!!!', '04' + 'AAAA', '04A===']) expect(readToken04Expiry(t)).toBeNull();
  });

  test('base64 matches Node for any bytes (no atob needed)', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 64 }), (arr) => {
      const ours = base64Encode(Array.from(arr));
      expect(ours).toBe(Buffer.from(arr).toString('base64'));
      expect(base64Decode(ours)).toEqual(Array.from(arr));
    }), { seed: 1, numRuns: 300 });
  });

  test('utf8Length matches Node for any string', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (s) => {
      expect(utf8Length(s)).toBe(Buffer.byteLength(s, 'utf8'));
    }), { seed: 2, numRuns: 300 });
  });
});
