// unity-plugin/ is a valid UPM package: its manifest, the asmdefs Unity parses, the files it ships, its
// licence, and the git URL the READMEs tell users to install from.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..');
const pkgDir = join(root, 'unity-plugin');
const json = (p: string) => JSON.parse(readFileSync(join(pkgDir, p), 'utf8'));
const npmPackage = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
/** The project's GitHub address, from the npm manifest's `repository` (the one place it is written). */
const repoUrl = (npmPackage.repository.url as string).replace(/^git\+/, '').replace(/\.git$/, '');

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
  expect(rt.references).toEqual(
    expect.arrayContaining(['com.tencent.puerts.core', 'com.tencent.puerts.v8', 'com.tencent.puerts.webgl']),
  );
  const defines = rt.versionDefines.map((d: { define: string }) => d.define);
  expect(defines).toEqual(expect.arrayContaining(['ZRB_PUERTS', 'ZRB_PUERTS_3', 'ZRB_PUERTS_V8', 'ZRB_PUERTS_WEBGL']));
  const ed = json('Editor/ZegoRoomBridge.Editor.asmdef');
  expect(ed.includePlatforms).toEqual(['Editor']);
  const native = json('Runtime/Native/ZegoRoomBridge.Native.asmdef');
  expect(native.defineConstraints).toContain('ZRB_ZEGO_SDK');
});

test("the built modules ship under Runtime/Resources/ZegoRoomBridge, where PuerTS's loader finds them", () => {
  const files = readdirSync(join(pkgDir, 'Runtime/Resources/ZegoRoomBridge'))
    .filter((f) => !f.endsWith('.meta'))
    .sort();
  // sim.mjs: the simulator (Editor, tests, demo); native.mjs: every player but WebGL; dev.mjs: the local room
  // server's driver (Editor and development builds); the maps are not TextAssets, so players never carry them.
  expect(files).toEqual([
    'core.mjs',
    'core.mjs.map',
    'dev.mjs',
    'native.mjs',
    'native.mjs.map',
    'sim.mjs',
    'webgl.mjs',
    'webgl.mjs.map',
  ]);
  expect(existsSync(join(pkgDir, 'Runtime/link.xml'))).toBe(true);
});

test('the manifest links documentation, changelog and licence on GitHub and names an author', () => {
  const pkg = json('package.json');
  expect(repoUrl).toBe('https://github.com/zego-room-bridge/zego-room-bridge');
  expect(pkg.author).toEqual({ name: 'zego-room-bridge contributors', url: repoUrl });
  expect(pkg.license).toBe('MIT');
  expect(pkg.documentationUrl).toBe(`${repoUrl}/blob/main/unity-plugin/Documentation~/index.md`);
  expect(pkg.changelogUrl).toBe(`${repoUrl}/blob/main/unity-plugin/CHANGELOG.md`);
  expect(pkg.licensesUrl).toBe(`${repoUrl}/blob/main/unity-plugin/LICENSE.md`);
  for (const url of [pkg.changelogUrl, pkg.licensesUrl]) {
    expect(existsSync(join(root, url.slice(`${repoUrl}/blob/main/`.length)))).toBe(true);
  }
});

test('LICENSE.md: the MIT licence of the zego-room-bridge contributors, 2026, the same at the root and in the package', () => {
  const text = readFileSync(join(root, 'LICENSE.md'), 'utf8');
  expect(text.split('\n')[0]).toBe('MIT License');
  expect(text).toContain('Copyright (c) 2026 zego-room-bridge contributors');
  expect(text).toContain('THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND');
  expect(readFileSync(join(pkgDir, 'LICENSE.md'), 'utf8')).toBe(text);
  expect(npmPackage.license).toBe('MIT');
});

describe('the install URL', () => {
  const version: string = npmPackage.version;
  const installUrl = `${repoUrl}.git?path=unity-plugin#v${version}`;
  const markdown = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--', '*.md'], {
    cwd: root,
    encoding: 'utf8',
  })
    .split('\0')
    .filter((p) => p && existsSync(join(root, p)));

  test('the UPM version is the npm version (the release tag v<version> serves both)', () => {
    expect(json('package.json').version).toBe(version);
  });

  test.each(['README.md', 'unity-plugin/README.md', 'Assets/README.md'])('%s gives the git URL with the release tag', (file) => {
    expect(readFileSync(join(root, file), 'utf8')).toContain(installUrl);
  });

  test('every git URL of this repository in every markdown file is the package path at tag v<version>', () => {
    expect(markdown).toEqual(expect.arrayContaining(['README.md', 'unity-plugin/README.md', 'Assets/README.md']));
    const wrong: string[] = [];
    for (const file of markdown) {
      const text = readFileSync(join(root, file), 'utf8');
      for (const m of text.matchAll(/github\.com\/zego-room-bridge\/zego-room-bridge\.git[^\s`)'"<>]*/g)) {
        if (`https://${m[0]}` !== installUrl) wrong.push(`${file}: ${m[0]}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
