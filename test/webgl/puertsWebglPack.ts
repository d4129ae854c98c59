// What PuerTS's WebGL build step does with a project's modules (com.tencent.puerts.webgl 3.0.2 / 2.2.2,
// Editor/PuertsWebglBuildProcessing.cs, Cli/Javascripts~/cmd.js buildForBrowser, and the browser runtime
// Javascripts~/PuertsDLLMock/pesapiImpl.ts ExecuteModule), restated for the tests:
// - it globs <absolute Assets path>/**/Resources/**/*.mjs|cjs and drops every path containing "Editor" or
//   "node_modules" anywhere (a substring test on the absolute path);
// - a file's key is the text after its last "Resources/", minus ".txt";
// - each file is babel-transformed (preset-env, Chrome 84, no ES modules → CommonJS) and wrapped in
//   `function (exports, require, module, __filename, __dirname)` in window.PUERTS_JS_RESOURCES;
// - at run time a module runs once on its first require; a relative require is resolved against the
//   requiring key's folder; a circular require throws.
// - the post-build step adds the two <script> tags before </head> only when index.html lacks one of them.
import { transformSync } from '@babel/core';

export function packerKeeps(absolutePath: string): boolean {
  return absolutePath.indexOf('Editor') === -1 && absolutePath.indexOf('node_modules') === -1;
}

export function packerKey(absolutePath: string): string {
  const parts = absolutePath.split('Resources/');
  return parts[parts.length - 1].replace(/\.txt$/, '');
}

export function babelForPuerts(code: string): string {
  return transformSync(code, {
    babelrc: false,
    configFile: false,
    presets: [['@babel/preset-env', { targets: { chrome: '84', esmodules: false } }]],
  })!.code!;
}

/** puerts_browser_js_resources.js for these files (absolute path → text). */
export function puertsBrowserResources(files: Record<string, string>): { script: string; keys: string[] } {
  const entries = Object.entries(files)
    .filter(([path]) => packerKeeps(path))
    .map(
      ([path, code]) =>
        `${JSON.stringify(packerKey(path))}: (function(exports, require, module, __filename, __dirname) {\n${babelForPuerts(code)}\n})`,
    );
  const keys = Object.keys(files).filter(packerKeeps).map(packerKey);
  return { script: `window.PUERTS_JS_RESOURCES = {${entries.join(',\n')}};\n`, keys };
}

export function injectPuertsTags(html: string): string {
  if (html.includes('puerts-runtime.js') && html.includes('puerts_browser_js_resources.js')) return html;
  const at = html.indexOf('</head>');
  return `${html.slice(0, at)}<script src="./puerts-runtime.js"></script>\n<script src="./puerts_browser_js_resources.js"></script>${html.slice(at)}`;
}

/**
 * A stand-in for puerts-runtime.js's module part: window.__puertsExecuteModule(key), as the C# side's
 * ScriptEnv.ExecuteModule reaches it. It records what the page had defined when it loaded.
 */
export const PUERTS_RUNTIME_STAND_IN = `(function () {
  (window.__loadOrder = window.__loadOrder || []).push(['puerts-runtime.js', typeof window.ZegoExpressEngine]);
  var cache = {};
  function normalize(path) {
    var out = [];
    path.split('/').forEach(function (part) {
      if (part === '..') out.pop(); else if (part !== '.' && part !== '') out.push(part);
    });
    return out.join('/');
  }
  function resolveFrom(fromKey, specifier) {
    if (specifier.charAt(0) !== '.') return specifier;
    var dir = fromKey.lastIndexOf('/') === -1 ? '' : fromKey.slice(0, fromKey.lastIndexOf('/'));
    return normalize(dir + '/' + specifier);
  }
  function find(key, table) {
    var names = key.indexOf('.') === -1 ? [key, key + '.js', key + '.ts', key + '.mjs', key + '.mts'] : [key];
    for (var i = 0; i < names.length; i++) {
      if (names[i] in table) {
        if (table[names[i]] === -1) throw new Error('circular dependency is detected when requiring "' + names[i] + '"');
        return names[i];
      }
    }
    return null;
  }
  function load(key) {
    var cached = find(key, cache);
    if (cached) return cache[cached];
    var found = find(key, window.PUERTS_JS_RESOURCES || {});
    if (!found) throw new Error('module not found: ' + key);
    var module = { exports: {} };
    cache[found] = -1;
    try {
      window.PUERTS_JS_RESOURCES[found](module.exports, function (specifier) { return load(resolveFrom(found, specifier)); }, module);
    } catch (e) { delete cache[found]; throw e; }
    cache[found] = module.exports;
    return module.exports;
  }
  window.__puertsExecuteModule = load;
})();
`;
