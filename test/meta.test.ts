// Unity .meta files (`npm run gen:meta`): a package installed from a git URL is read-only, so Unity
// ignores every asset without a committed meta. These fail on a missing, orphaned, drifted or
// duplicate-GUID meta, and check that the generator itself notices each of those.
import { execFileSync, spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..');
const generator = join(root, 'scripts/gen-meta.mjs');

interface Problems {
  missing: string[];
  orphaned: string[];
  drifted: string[];
  duplicateGuids: { guid: string; metas: string[] }[];
}
function checkAt(dir: string): { status: number | null; problems: Problems } {
  const r = spawnSync(process.execPath, [generator, '--check', '--root', dir], { encoding: 'utf8' });
  return { status: r.status, problems: JSON.parse(r.stdout) as Problems };
}
const noProblems: Problems = { missing: [], orphaned: [], drifted: [], duplicateGuids: [] };
const read = (p: string) => readFileSync(join(root, p), 'utf8');
const importerOf = (meta: string) =>
  read(meta)
    .split('\n')
    .slice(2)
    .find((l) => /^[A-Za-z]+:/.test(l) && !l.startsWith('folderAsset'));

describe('the committed metas', () => {
  test('every asset and folder under unity-plugin/ and Assets/ has exactly the meta gen:meta writes (run `npm run gen:meta` if this fails)', () => {
    expect(checkAt(root)).toEqual({ status: 0, problems: noProblems });
  });

  test('each kind of file gets the importer Unity gives it', () => {
    expect(importerOf('unity-plugin/package.json.meta')).toBe('PackageManifestImporter:');
    expect(importerOf('unity-plugin/Runtime/Api/ZegoExpressEngine.cs.meta')).toBe('MonoImporter:');
    expect(importerOf('unity-plugin/Runtime/ZegoRoomBridge.asmdef.meta')).toBe('AssemblyDefinitionImporter:');
    expect(importerOf('unity-plugin/Runtime/Resources/ZegoRoomBridge/core.mjs.meta')).toBe('TextScriptImporter:');
    expect(importerOf('unity-plugin/Runtime/link.xml.meta')).toBe('TextScriptImporter:');
    expect(importerOf('unity-plugin/README.md.meta')).toBe('TextScriptImporter:');
    expect(importerOf('Assets/ZegoRoomBridgeExample/RoomConnectionExample.cs.meta')).toBe('MonoImporter:');
    const folder = read('unity-plugin/Runtime/Resources.meta');
    expect(folder).toMatch(/^fileFormatVersion: 2\nguid: [0-9a-f]{32}\nfolderAsset: yes\nDefaultImporter:\n/);
  });

  test('folders Unity skips (Samples~) have no metas, nor does the package root itself', () => {
    expect(existsSync(join(root, 'unity-plugin/Samples~.meta'))).toBe(false);
    expect(existsSync(join(root, 'unity-plugin/Samples~/SimulatorQuickStart.meta'))).toBe(false);
    expect(existsSync(join(root, 'unity-plugin.meta'))).toBe(false);
    expect(existsSync(join(root, 'Assets.meta'))).toBe(false);
  });

  test('no two metas anywhere in the repository share a GUID, and every GUID is 32 lowercase hex digits', () => {
    const metas = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--', '*.meta'], {
      cwd: root,
      encoding: 'utf8',
    })
      .split('\0')
      .filter((p) => p && existsSync(join(root, p)));
    expect(metas.length).toBeGreaterThan(40);
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const meta of metas) {
      const guid = /^guid: (.*)$/m.exec(read(meta))?.[1] ?? '';
      expect(`${meta}: ${guid}`).toMatch(/: [0-9a-f]{32}$/);
      if (owner.has(guid)) clashes.push(`${guid}: ${owner.get(guid)} and ${meta}`);
      owner.set(guid, meta);
    }
    expect(clashes).toEqual([]);
  });
});

describe('gen:meta on a copy of the tree', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'zrb-meta-'));
    for (const top of ['unity-plugin', 'Assets']) cpSync(join(root, top), join(dir, top), { recursive: true });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('reports a missing, an orphaned, a drifted and a duplicate-GUID meta, then repairs all of them byte for byte', () => {
    const before = (p: string) => readFileSync(join(root, p), 'utf8');
    unlinkSync(join(dir, 'unity-plugin/Runtime/Api/ZegoTypes.cs.meta'));
    writeFileSync(join(dir, 'unity-plugin/Runtime/Api/Removed.cs.meta'), before('unity-plugin/Runtime/Api/ZegoTypes.cs.meta'));
    writeFileSync(
      join(dir, 'unity-plugin/Runtime/link.xml.meta'),
      before('unity-plugin/Runtime/link.xml.meta').replace('TextScriptImporter', 'DefaultImporter'),
    );
    writeFileSync(join(dir, 'Assets/README.md.meta'), before('unity-plugin/README.md.meta'));

    const { status, problems } = checkAt(dir);
    expect(status).toBe(1);
    expect(problems.missing).toEqual(['unity-plugin/Runtime/Api/ZegoTypes.cs.meta']);
    expect(problems.orphaned).toEqual(['unity-plugin/Runtime/Api/Removed.cs.meta']);
    expect(problems.drifted).toEqual(['Assets/README.md.meta', 'unity-plugin/Runtime/link.xml.meta']);
    expect(problems.duplicateGuids).toEqual([
      {
        guid: /^guid: (.*)$/m.exec(before('unity-plugin/README.md.meta'))![1],
        metas: ['Assets/README.md.meta', 'unity-plugin/README.md.meta'],
      },
    ]);

    execFileSync(process.execPath, [generator, '--root', dir]);
    expect(checkAt(dir)).toEqual({ status: 0, problems: noProblems });
    expect(existsSync(join(dir, 'unity-plugin/Runtime/Api/Removed.cs.meta'))).toBe(false);
    for (const meta of [
      'unity-plugin/Runtime/Api/ZegoTypes.cs.meta',
      'unity-plugin/Runtime/link.xml.meta',
      'Assets/README.md.meta',
    ]) {
      expect(readFileSync(join(dir, meta), 'utf8')).toBe(before(meta));
    }
  });

  test("a file added later gets its meta and its new folders' metas; a ~ folder, a hidden file and an emptied folder get none", () => {
    mkdirSync(join(dir, 'unity-plugin/Runtime/Icons'));
    writeFileSync(join(dir, 'unity-plugin/Runtime/Icons/thumbnail.png'), 'png');
    writeFileSync(join(dir, 'unity-plugin/Runtime/.hidden.cs'), '');
    mkdirSync(join(dir, 'unity-plugin/Documentation~'), { recursive: true });
    writeFileSync(join(dir, 'unity-plugin/Documentation~/added.md'), '# docs');
    // Empty the Native folder (its files, not their metas): the folder's own meta becomes an orphan too.
    const nativeFiles = readdirSync(join(dir, 'unity-plugin/Runtime/Native')).filter((f) => !f.endsWith('.meta'));
    for (const f of nativeFiles) rmSync(join(dir, 'unity-plugin/Runtime/Native', f));

    expect(checkAt(dir).problems).toEqual({
      ...noProblems,
      missing: ['unity-plugin/Runtime/Icons.meta', 'unity-plugin/Runtime/Icons/thumbnail.png.meta'],
      orphaned: ['unity-plugin/Runtime/Native.meta', ...nativeFiles.map((f) => `unity-plugin/Runtime/Native/${f}.meta`).sort()],
    });
    execFileSync(process.execPath, [generator, '--root', dir]);
    expect(readFileSync(join(dir, 'unity-plugin/Runtime/Icons/thumbnail.png.meta'), 'utf8')).toMatch(
      /^fileFormatVersion: 2\nguid: [0-9a-f]{32}\nTextureImporter:\n/,
    );
    expect(existsSync(join(dir, 'unity-plugin/Documentation~.meta'))).toBe(false);
    expect(existsSync(join(dir, 'unity-plugin/Documentation~/added.md.meta'))).toBe(false);
    expect(existsSync(join(dir, 'unity-plugin/Runtime/.hidden.cs.meta'))).toBe(false);
    expect(checkAt(dir)).toEqual({ status: 0, problems: noProblems });
  });
});
