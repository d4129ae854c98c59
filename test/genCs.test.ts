// The C# defines are generated from the TS core (`npm run gen:cs`); this fails when the checked-in
// file differs from what the generator writes now (a peer Unity WebGL SDK drifted from its JS this way).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..');
const generated = join(root, 'unity-plugin/Runtime/Generated/ZegoDefines.g.cs');
const runNode = (args: string[]) => execFileSync(process.execPath, args, { cwd: root, encoding: 'utf8' });
/** Runs `body` as an ES module with the generator imported as `gen`. */
const withGenerator = (body: string) =>
  runNode(['--input-type=module', '-e', `import * as gen from './scripts/gen-cs.mjs';\n${body}`]);

describe('gen:cs', () => {
  test('the checked-in ZegoDefines.g.cs is exactly what the generator writes (run `npm run gen:cs` if this fails)', () => {
    const fresh = runNode(['scripts/gen-cs.mjs', '--stdout']);
    expect(readFileSync(generated, 'utf8')).toBe(fresh);
  });

  test('every reason and room-connection code appears with its TS value', () => {
    const text = readFileSync(generated, 'utf8');
    expect(text).toContain('KickOut = 6,');
    expect(text).toContain('LogoutFailed = 8,');
    expect(text).toContain('public const int RoomKickedOut = 1002050;');
    expect(text).toContain('public const int RoomManualKickedOut = 1002055;');
    expect(text).toContain('public const int RoomRetryTimeout = 1002053;');
    expect(text).toContain('public const int LOGIN_CANCELLED_ERROR_CODE = 1102026;');
  });

  test('the WebGL table of dist/webgl.mjs becomes ZegoWebGLMapping: contexts, reasons, per-context codes, constants', () => {
    const text = readFileSync(generated, 'utf8');
    expect(text).toContain('public static class ZegoWebGLMapping');
    expect(text).toContain('{ "RECONNECTING", (ZegoRoomStateChangedReason)3 },');
    expect(text).toContain('{ "DELETE", (ZegoUpdateType)1 },');
    expect(text).toContain('public const int ReconnectingCode = 1002051;');
  });

  test('a table of another shape stops the generator with the field to fix', () => {
    const out = withGenerator(`
      const table = { reason: { LOGINING: 0 }, state: {}, updateType: {}, code: { login: { abc: 1 } } };
      try { gen.emitWebGLMapping(table); console.log('no error'); } catch (e) { console.log(e.message); }`);
    expect(out.trim()).toBe('gen-cs: WEBGL_ROOM_MAPPING.code.login.abc must map an integer code to an integer');
  });

  test('each code context becomes an enum member and a lookup row, in order; RECONNECTING codes read in their context', () => {
    const out = withGenerator(`
      const table = { reason: { RECONNECTING: 3, KICKOUT: 6 }, state: { CONNECTED: 2 }, updateType: { ADD: 0 },
        code: { kickout: { '1102018': 1002056 }, reconnecting: { '1000017': 1002051 } }, holdMs: 8000 };
      process.stdout.write(gen.emitWebGLMapping(table).join('\\n'));`);
    expect(out).toMatch(/enum ZegoWebGLCodeContext\s*\{\s*Kickout,\s*Reconnecting,\s*\}/);
    expect(out.indexOf('{ 1102018, 1002056 }')).toBeLessThan(out.indexOf('{ 1000017, 1002051 }'));
    expect(out).toContain('case "RECONNECTING": errorCode = ToNativeCode(ZegoWebGLCodeContext.Reconnecting, webCode); break;');
    expect(out).toContain('public const int HoldMs = 8000;');
    expect(out).not.toContain('case "LOGIN_FAILED"');
  });
});
