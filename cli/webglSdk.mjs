// `zego-room-bridge webgl-sdk --out DIR`: one browser script, DIR/ZegoExpressWebRTC.js, made from the app's
// own installed zego-express-engine-webrtc and its dependencies, defining window.ZegoExpressEngine for the
// bridge's "web" driver. The npm file is UMD and takes long/protobufjs/zego-express-logger/localforage from
// globals when loaded as a plain script; this bundles them instead. Nothing of ZEGO's ships with the bridge:
// the file is built on the app's machine from the app's node_modules.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire, isBuiltin } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const SDK_PACKAGE = 'zego-express-engine-webrtc';
export const SDK_FILE = 'ZegoExpressWebRTC.js';
/** The page global the "web" driver reads (src/webgl/unity-entry.ts). */
export const SDK_GLOBAL = 'ZegoExpressEngine';

const EXIT = { OK: 0, USAGE: 2, MISSING: 3, INTERNAL: 4 };
const here = dirname(fileURLToPath(import.meta.url));

export const WEBGL_SDK_HELP = `  zego-room-bridge webgl-sdk --out DIR [--from APPDIR]
      Writes DIR/${SDK_FILE}: the ${SDK_PACKAGE} installed in APPDIR (default: the
      current directory) and its dependencies as one browser script defining window.${SDK_GLOBAL}.
      DIR is your WebGL template folder (Assets/WebGLTemplates/ZegoRoomBridge). Needs rollup 4
      installed in APPDIR (npm i -D rollup@4).
`;

class UsageError extends Error {}

function parse(argv) {
  const opts = { out: undefined, from: undefined };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`${a} needs a value`);
      return v;
    };
    if (a === '--out') opts.out = value();
    else if (a === '--from') opts.from = value();
    else throw new UsageError(`webgl-sdk: unexpected argument ${a}`);
  }
  if (opts.out === undefined) throw new UsageError('webgl-sdk: --out DIR is required (your WebGL template folder)');
  return opts;
}

/** Node's resolution as seen from `dir` (the app), or undefined. */
function resolveFrom(dir, name) {
  try {
    return createRequire(join(dir, 'package.json')).resolve(name);
  } catch {
    return undefined;
  }
}

/** The package.json of the installed package `name` that holds `file`. */
function packageJsonOf(file, name) {
  for (let dir = dirname(file); dir !== dirname(dir); dir = dirname(dir)) {
    const p = join(dir, 'package.json');
    if (existsSync(p)) {
      const json = JSON.parse(readFileSync(p, 'utf8'));
      if (json.name === name) return { dir, json };
    }
  }
  return undefined;
}

/** rollup from the app first, then from beside this package (a repository checkout). */
async function loadRollup(appDir) {
  for (const dir of [appDir, resolve(here, '..')]) {
    const path = resolveFrom(dir, 'rollup');
    if (path) {
      const mod = await import(pathToFileURL(path).href);
      const rollup = mod.rollup ?? mod.default?.rollup;
      if (typeof rollup === 'function') return rollup;
    }
  }
  return undefined;
}

// `require("x")` with a literal name; `window.require(...)` and `x.require(...)` are not the module's require.
const REQUIRE_CALL = /(?<![.\w$])require\(\s*(['"])([^'"\n]+)\1\s*\)/g;
const ENTRY = '\0zego-room-bridge:web-sdk-entry';

/**
 * A small CommonJS loader for rollup: each file becomes an ES module whose default export is a function
 * that runs the file once and returns its module.exports (lazy, like Node's require, so cycles behave as
 * in Node). Only literal require names are bundled; any other require throws when called (the optional
 * requires in these packages are inside try/catch).
 */
function commonJsModules(sdkMain) {
  return {
    name: 'zego-room-bridge-commonjs',
    resolveId(source, importer) {
      if (source === ENTRY) return ENTRY;
      if (!importer || importer === ENTRY) return source;
      return null;
    },
    load(id) {
      if (id === ENTRY) {
        return (
          `import sdk from ${JSON.stringify(sdkMain)};\n` +
          `const exported = sdk();\nglobalThis.${SDK_GLOBAL} = exported.${SDK_GLOBAL};\nexport default exported;\n`
        );
      }
      const source = readFileSync(id, 'utf8');
      const requireFrom = createRequire(id);
      const deps = new Map();
      for (const m of source.matchAll(REQUIRE_CALL)) {
        const name = m[2];
        if (deps.has(name) || isBuiltin(name)) continue;
        let path;
        try {
          path = requireFrom.resolve(name);
        } catch {
          continue;
        }
        if (isBuiltin(path) || !/\.c?js$/.test(path)) continue;
        deps.set(name, path);
      }
      const names = [...deps.keys()];
      const imports = names.map((n, i) => `import dep${i} from ${JSON.stringify(deps.get(n))};`).join('\n');
      const table = names.map((n, i) => `${JSON.stringify(n)}: dep${i}`).join(', ');
      return `${imports}
const deps = { ${table} };
let module;
function moduleRequire(name) {
  if (Object.prototype.hasOwnProperty.call(deps, name)) return deps[name]();
  throw new Error('"' + name + '" is not part of this browser build of ${SDK_PACKAGE}');
}
export default function load() {
  if (module) return module.exports;
  module = { exports: {} };
  (function (module, exports, require, define) {
${source}
  }).call(module.exports, module, module.exports, moduleRequire, undefined);
  return module.exports;
}
`;
    },
  };
}

/** Unity preprocesses every .js file of a WebGL template: `{{{ … }}}` macros and `#if/#else/#endif` lines. */
export function unityTemplateHazard(text) {
  if (text.includes('{{{')) return 'contains "{{{"';
  const line = /^[ \t]*#(if|else|elif|endif)\b.*$/m.exec(text);
  return line ? `has a line Unity reads as a directive: ${line[0].slice(0, 60)}` : undefined;
}

/** Builds DIR/ZegoExpressWebRTC.js; returns what was written, or throws an Error with `exitCode`. */
export async function buildWebSdk({ out, from = process.cwd() }) {
  const appDir = resolve(from);
  const fail = (exitCode, message) => Object.assign(new Error(message), { exitCode });
  const sdkMain = resolveFrom(appDir, SDK_PACKAGE);
  if (!sdkMain) throw fail(EXIT.MISSING, `${SDK_PACKAGE} is not installed in ${appDir} (npm i ${SDK_PACKAGE})`);
  const pkg = packageJsonOf(sdkMain, SDK_PACKAGE);
  const version = pkg?.json.version ?? 'unknown';
  const rollup = await loadRollup(appDir);
  if (!rollup)
    throw fail(
      EXIT.MISSING,
      `rollup is not installed in ${appDir}; it bundles the Web SDK with its dependencies (npm i -D rollup@4)`,
    );

  const warnings = [];
  const bundle = await rollup({
    input: ENTRY,
    plugins: [commonJsModules(sdkMain)],
    treeshake: false,
    // Cycles (protobufjs) are fine: each module runs on its first require, as in Node.
    onwarn: (w) => {
      if (w.code !== 'EVAL' && w.code !== 'CIRCULAR_DEPENDENCY') warnings.push(w.message);
    },
  });
  let code;
  try {
    const { output } = await bundle.generate({
      format: 'iife',
      name: 'ZegoExpressWebRTC',
      exports: 'default',
      // CommonJS files are sloppy-mode code unless they say otherwise; keep them so.
      strict: false,
      banner:
        `/* ${SDK_FILE}: ${SDK_PACKAGE} ${version} and its dependencies as one browser script, defining` +
        ` window.${SDK_GLOBAL}. Generated by \`zego-room-bridge webgl-sdk\` from the app's node_modules; each` +
        ' package keeps its own license. Regenerate after updating the SDK; do not edit. */',
    });
    code = output[0].code;
  } finally {
    await bundle.close();
  }
  const hazard = unityTemplateHazard(code);
  if (hazard) throw fail(EXIT.INTERNAL, `the bundled Web SDK ${hazard}; Unity's template preprocessor would change it`);
  const dir = resolve(out);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, SDK_FILE);
  writeFileSync(file, code);
  return { file, version, bytes: Buffer.byteLength(code), sdkDir: pkg?.dir ?? dirname(sdkMain), warnings };
}

export async function webglSdkCommand(argv, io) {
  let opts;
  try {
    opts = parse(argv);
  } catch (e) {
    io.err(`zego-room-bridge ${e.message}\n\nUsage:\n${WEBGL_SDK_HELP}`);
    return EXIT.USAGE;
  }
  try {
    const r = await buildWebSdk(opts);
    for (const w of r.warnings) io.err(`zego-room-bridge webgl-sdk: rollup: ${w}\n`);
    io.out(
      `wrote ${r.file} (${Math.round(r.bytes / 1024)} KB): ${SDK_PACKAGE} ${r.version} from ${r.sdkDir},` +
        ` defines window.${SDK_GLOBAL}\n`,
    );
    return EXIT.OK;
  } catch (e) {
    io.err(`zego-room-bridge webgl-sdk: ${e.message}\n`);
    return e.exitCode ?? EXIT.INTERNAL;
  }
}
