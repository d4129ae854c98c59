// unity-plugin/ is a valid UPM package: its manifest, the asmdefs Unity parses, and the files it ships.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const pkgDir = join(__dirname, '../unity-plugin');
const json = (p: string) => JSON.parse(readFileSync(join(pkgDir, p), 'utf8'));

test('package.json: reverse-domain name, semver, Unity 2021.3, samples that exist, no PuerTS dependency', () => {
  const pkg = json('package.json');
  expect(pkg.name).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+){2,}$/);
  expect(pkg.version).toMatch(/^\d+\.\d+\.\d+$/);
  expect(pkg.unity).toBe('2021.3');
  expect(typeof pkg.displayName).toBe('string');
  expect(typeof pkg.description).toBe('string');
  for (const s of pkg.samples) expect(existsSync(join(pkgDir, s.path))).toBe(true);
  expect(Object.keys(pkg.dependencies)).toEqual(['com.unity.nuget.newtonsoft-json']);
});

test('the Runtime asmdef compiles with PuerTS 2.x or 3.x (versionDefines) and the Editor asmdef only in the Editor', () => {
  const rt = json('Runtime/ZegoRoomBridge.asmdef');
  expect(rt.references).toEqual(expect.arrayContaining(['com.tencent.puerts.core', 'com.tencent.puerts.v8', 'com.tencent.puerts.webgl']));
  const defines = rt.versionDefines.map((d: { define: string }) => d.define);
  expect(defines).toEqual(expect.arrayContaining(['ZRB_PUERTS', 'ZRB_PUERTS_3', 'ZRB_PUERTS_V8', 'ZRB_PUERTS_WEBGL']));
  const ed = json('Editor/ZegoRoomBridge.Editor.asmdef');
  expect(ed.includePlatforms).toEqual(['Editor']);
  const native = json('Runtime/Native/ZegoRoomBridge.Native.asmdef');
  expect(native.defineConstraints).toContain('ZRB_ZEGO_SDK');
});

test('the built modules ship under Runtime/Resources/ZegoRoomBridge, where PuerTS\'s loader finds them', () => {
  const files = readdirSync(join(pkgDir, 'Runtime/Resources/ZegoRoomBridge')).sort();
  expect(files).toEqual(['core.mjs', 'webgl.mjs']);
  expect(existsSync(join(pkgDir, 'Runtime/link.xml'))).toBe(true);
});
