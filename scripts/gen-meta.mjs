#!/usr/bin/env node
// `npm run gen:meta`: the Unity .meta file of every asset under unity-plugin/ (the UPM package) and
// Assets/ (the example). A package installed from a git URL is immutable: Unity cannot write metas
// there and ignores any asset that has none, so they are committed. Each GUID is derived from the
// asset's repository path, so regenerating changes nothing and a GUID stays put across clones.
//
//   node scripts/gen-meta.mjs             create missing metas, rewrite drifted ones, delete orphans
//   node scripts/gen-meta.mjs --check     change nothing; print the problems as JSON, exit 1 if any
//   --root <dir>                          work on another checkout (the tests use a copy)
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folders whose contents Unity imports: the package and the example project's Assets/. */
export const ASSET_ROOTS = ['unity-plugin', 'Assets'];

/** Unity skips hidden names and any folder or file whose name ends in '~' (Samples~, Documentation~). */
export const isSkippedName = (name) => name.startsWith('.') || name.endsWith('~');

/** 32 lowercase hex digits from the repository-relative path (a namespace keeps them apart from other packages'). */
export const guidOf = (repoPath) => createHash('md5').update(`zego-room-bridge:${repoPath}`).digest('hex');

// The trailing spaces after `userData:` and friends are Unity's own: it writes an empty scalar that way.
const tail = '  userData: \n  assetBundleName: \n  assetBundleVariant: \n';
const head = (guid) => `fileFormatVersion: 2\nguid: ${guid}\n`;

const FOLDER = (g) => `${head(g)}folderAsset: yes\nDefaultImporter:\n  externalObjects: {}\n${tail}`;
const MONO = (g) =>
  `${head(g)}MonoImporter:\n  externalObjects: {}\n  serializedVersion: 2\n  defaultReferences: []\n` +
  `  executionOrder: 0\n  icon: {instanceID: 0}\n${tail}`;
const simple = (importer) => (g) => `${head(g)}${importer}:\n  externalObjects: {}\n${tail}`;
const TEXT = simple('TextScriptImporter');
const ASMDEF = simple('AssemblyDefinitionImporter');
const ASMREF = simple('AssemblyDefinitionReferenceImporter');
const MANIFEST = simple('PackageManifestImporter');
const DEFAULT = simple('DefaultImporter');
/** A plain 2D texture (Texture Type "Default") with Unity 2021.3's defaults. */
const TEXTURE = (g) => `${head(g)}TextureImporter:
  internalIDToNameTable: []
  externalObjects: {}
  serializedVersion: 12
  mipmaps:
    mipMapMode: 0
    enableMipMap: 1
    sRGBTexture: 1
    linearTexture: 0
    fadeOut: 0
    borderMipMap: 0
    mipMapsPreserveCoverage: 0
    alphaTestReferenceValue: 0.5
    mipMapFadeDistanceStart: 1
    mipMapFadeDistanceEnd: 3
  bumpmap:
    convertToNormalMap: 0
    externalNormalMap: 0
    heightScale: 0.25
    normalMapFilter: 0
  isReadable: 0
  streamingMipmaps: 0
  streamingMipmapsPriority: 0
  vTOnly: 0
  grayScaleToAlpha: 0
  generateCubemap: 6
  cubemapConvolution: 0
  seamlessCubemap: 0
  textureFormat: 1
  maxTextureSize: 2048
  textureSettings:
    serializedVersion: 2
    filterMode: 1
    aniso: 1
    mipBias: 0
    wrapU: 0
    wrapV: 0
    wrapW: 0
  nPOTScale: 1
  lightmap: 0
  compressionQuality: 50
  spriteMode: 0
  spriteExtrude: 1
  spriteMeshType: 1
  alignment: 0
  spritePivot: {x: 0.5, y: 0.5}
  spritePixelsToUnits: 100
  spriteBorder: {x: 0, y: 0, z: 0, w: 0}
  spriteGenerateFallbackPhysicsShape: 1
  alphaUsage: 1
  alphaIsTransparency: 0
  spriteTessellationDetail: -1
  textureType: 0
  textureShape: 1
  singleChannelComponent: 0
  flipbookRows: 1
  flipbookColumns: 1
  maxTextureSizeSet: 0
  compressionQualitySet: 0
  textureFormatSet: 0
  ignorePngGamma: 0
  applyGammaDecoding: 0
  cookieLightType: 0
  platformSettings:
  - serializedVersion: 3
    buildTarget: DefaultTexturePlatform
    maxTextureSize: 2048
    resizeAlgorithm: 0
    textureFormat: -1
    textureCompression: 1
    compressionQuality: 50
    crunchedCompression: 0
    allowsAlphaSplitting: 0
    overridden: 0
    androidETC2FallbackOverride: 0
    forceMaximumCompressionQuality_BC6H_BC7: 0
  spriteSheet:
    serializedVersion: 2
    sprites: []
    outline: []
    physicsShape: []
    bones: []
    spriteID: 
    internalID: 0
    vertices: []
    indices: 
    edges: []
    weights: []
    secondaryTextures: []
    nameFileIdTable: {}
  spritePackingTag: 
  pSDRemoveMatte: 0
  pSDShowRemoveMatteOption: 0
${tail}`;

/**
 * The importer Unity uses for a file, by extension. `.mjs` is a text asset: PuerTS registers a
 * ScriptedImporter for it that makes a TextAsset (what Resources.Load finds). PuerTS's own metas name
 * that importer's script by a GUID that is not stable across PuerTS installs, so a TextScriptImporter
 * meta is written; Unity picks the importer by extension and only the GUID here matters.
 */
export function metaFor(repoPath, isFolder) {
  const guid = guidOf(repoPath);
  if (isFolder) return FOLDER(guid);
  if (repoPath === 'unity-plugin/package.json') return MANIFEST(guid);
  const ext = posix.extname(repoPath).toLowerCase();
  switch (ext) {
    case '.cs':
      return MONO(guid);
    case '.asmdef':
      return ASMDEF(guid);
    case '.asmref':
      return ASMREF(guid);
    case '.mjs':
    case '.cjs':
    case '.md':
    case '.json':
    case '.xml':
    case '.txt':
    case '.html':
    case '.htm':
    case '.csv':
    case '.yaml':
    case '.bytes':
      return TEXT(guid);
    case '.png':
    case '.jpg':
    case '.jpeg':
    case '.tga':
    case '.psd':
      return TEXTURE(guid);
    default:
      return DEFAULT(guid);
  }
}

/** The files on disk under the asset roots: git-tracked plus untracked-not-ignored (a plain walk outside git). */
function listFiles(root) {
  let paths;
  try {
    const out = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--', ...ASSET_ROOTS], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    paths = out.split('\0').filter(Boolean);
  } catch {
    paths = ASSET_ROOTS.flatMap((r) => walk(root, r));
  }
  return [...new Set(paths)].filter((p) => existsSync(join(root, p)) && statSync(join(root, p)).isFile()).sort();
}

function walk(root, rel) {
  const dir = join(root, rel);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = `${rel}/${e.name}`;
    return e.isDirectory() ? walk(root, p) : [p];
  });
}

/** True when Unity imports this path: no hidden or '~' segment below the asset root. */
const imported = (repoPath) =>
  repoPath
    .split('/')
    .slice(1)
    .every((seg) => !isSkippedName(seg));

/** Every meta Unity needs, keyed by the meta's repository path: assets and the folders that hold them. */
export function expectedMetas(root) {
  const files = listFiles(root);
  const assets = files.filter((p) => !p.endsWith('.meta') && imported(p));
  const want = new Map();
  for (const file of assets) {
    want.set(`${file}.meta`, metaFor(file, false));
    // Folders up to (not including) the asset root: unity-plugin/ is the package root and Assets/ the project's own.
    for (let dir = posix.dirname(file); dir.includes('/'); dir = posix.dirname(dir)) want.set(`${dir}.meta`, metaFor(dir, true));
  }
  return { want, existing: files.filter((p) => p.endsWith('.meta') && imported(p)) };
}

/** What differs between the disk and the generator: missing, orphaned and drifted metas, and repeated GUIDs. */
export function check(root) {
  const { want, existing } = expectedMetas(root);
  const have = new Set(existing);
  const missing = [...want.keys()].filter((m) => !have.has(m)).sort();
  const orphaned = existing.filter((m) => !want.has(m));
  const drifted = existing.filter((m) => want.has(m) && readFileSync(join(root, m), 'utf8') !== want.get(m));
  const byGuid = new Map();
  for (const m of existing) {
    const guid = /^guid: *([0-9a-f]+)/m.exec(readFileSync(join(root, m), 'utf8'))?.[1] ?? '(none)';
    byGuid.set(guid, [...(byGuid.get(guid) ?? []), m]);
  }
  const duplicateGuids = [...byGuid].filter(([, metas]) => metas.length > 1).map(([guid, metas]) => ({ guid, metas }));
  return { missing, orphaned, drifted, duplicateGuids };
}

/** Writes missing and drifted metas and deletes orphans; returns what it did. */
export function generate(root) {
  const { want } = expectedMetas(root);
  const found = check(root);
  for (const m of [...found.missing, ...found.drifted]) writeFileSync(join(root, m), want.get(m));
  for (const m of found.orphaned) unlinkSync(join(root, m));
  return { written: [...found.missing, ...found.drifted], deleted: found.orphaned };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const at = args.indexOf('--root');
  const root = at >= 0 ? args[at + 1] : join(dirname(fileURLToPath(import.meta.url)), '..');
  if (args.includes('--check')) {
    const found = check(root);
    console.log(JSON.stringify(found, null, 2));
    process.exit(Object.values(found).some((list) => list.length > 0) ? 1 : 0);
  }
  const done = generate(root);
  for (const m of done.written) console.log(`wrote   ${m}`);
  for (const m of done.deleted) console.log(`deleted ${m}`);
  console.log(`gen:meta: ${done.written.length} written, ${done.deleted.length} deleted`);
}
