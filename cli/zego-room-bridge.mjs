#!/usr/bin/env node
// zego-room-bridge: replays room connection scenarios on the simulated room service and virtual
// time, through the built package's public API. The work is in cli/*.mjs; this file is the shell.
import { existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadScenario, runScenario } from './scenario.mjs';
import { formatTimeline } from './timeline.mjs';
import { renderIndexHtml, renderSvg } from './svg.mjs';
import { renderMachineSvg } from './diagram.mjs';
import { WEBGL_SDK_HELP, webglSdkCommand } from './webglSdk.mjs';
import { DRAW_HELP, drawCommand } from './draw.mjs';
import { SERVE_HELP, serveCommand } from './serve.mjs';
import { TOKEN_HELP, tokenCommand } from './token.mjs';
import { BOTS_HELP, botsCommand } from './bots.mjs';

export const EXIT = Object.freeze({ OK: 0, EXPECTATION_FAILED: 1, USAGE: 2, NOT_BUILT: 3, INTERNAL: 4 });

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');
const SCENARIO_DIR = join(root, 'scenarios');

const HELP = `zego-room-bridge: ZEGO room connection timelines on a simulated room service (virtual time)

Usage:
  zego-room-bridge demo [--out DIR] [--scenario NAME]... [--json]
      Runs the built-in scenarios (scenarios/*.json), prints each timeline and writes
      DIR/<name>.svg plus DIR/index.html (DIR defaults to ./demo-output).
  zego-room-bridge run <scenario.json>... [--out DIR] [--json]
      Runs your own scenario files (format: docs/SCENARIOS.md, scenarios/scenario.schema.json).
      Pictures are written only when --out is given.
  zego-room-bridge list
      Lists the built-in scenarios.
  zego-room-bridge diagram [--out FILE]
      Draws the session machine (its transition table) as SVG: to FILE, or to stdout.
${DRAW_HELP}${WEBGL_SDK_HELP}${TOKEN_HELP}${SERVE_HELP}${BOTS_HELP}
Options:
  --out DIR        where to write the SVG timelines and index.html (diagram: the SVG file)
  --scenario NAME  (demo) run only this built-in scenario; repeat for more
  --json           print JSON Lines (one event per line, then one result line per scenario)
  -h, --help       this text

Exit codes:
  0  every scenario ran and its expectations and marks hold
  1  an expectation or a mark failed (a diff is printed; draw: a mark matched nothing)
  2  usage error, or a scenario or trace file that is unreadable or malformed (each field at fault is named)
  3  the package is not built (run: npm run build); webgl-sdk: the Web SDK or rollup is not installed
  4  internal error (a bug: please report it with the scenario file)
`;

class UsageError extends Error {}

function parseArgs(argv) {
  const opts = { command: undefined, files: [], scenarios: [], out: undefined, json: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`${a} needs a value`);
      return v;
    };
    if (a === '-h' || a === '--help' || a === 'help') opts.help = true;
    else if (a === '--json') opts.json = true;
    else if (a === '--out') opts.out = value();
    else if (a === '--scenario') opts.scenarios.push(value());
    else if (a.startsWith('-')) throw new UsageError(`unknown option ${a}`);
    else if (opts.command === undefined) opts.command = a;
    else opts.files.push(a);
  }
  return opts;
}

function builtInFiles() {
  return readdirSync(SCENARIO_DIR)
    .filter((f) => /^\d+-.+\.json$/.test(f))
    .sort()
    .map((f) => join(SCENARIO_DIR, f));
}

function readScenarioFile(file) {
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    return { errors: [`(file): cannot read: ${e.code ?? e.message}`] };
  }
  return loadScenario(text);
}

async function loadApi() {
  const dist = join(root, 'dist', 'index.mjs');
  if (!existsSync(dist)) return undefined;
  return import(pathToFileURL(dist).href);
}

function progress(text) {
  if (process.stderr.isTTY) process.stderr.write(`\r\x1b[K${text}`);
}

export async function main(argv, io = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) }) {
  if (argv[0] === 'webgl-sdk') return webglSdkCommand(argv.slice(1), io);
  if (argv[0] === 'draw') return drawCommand(argv.slice(1), io, { exit: EXIT, loadApi });
  if (argv[0] === 'serve') return serveCommand(argv.slice(1), io);
  if (argv[0] === 'token') return tokenCommand(argv.slice(1), io, { exit: EXIT });
  if (argv[0] === 'bots') return botsCommand(argv.slice(1), io);
  let opts;
  try {
    opts = parseArgs(argv);
  } catch (e) {
    io.err(`zego-room-bridge: ${e.message}\n\n${HELP}`);
    return EXIT.USAGE;
  }
  if (opts.help) {
    io.out(HELP);
    return EXIT.OK;
  }
  if (opts.command === 'diagram') return diagramCommand(opts, io);
  if (!['demo', 'run', 'list'].includes(opts.command ?? '')) {
    io.err(`zego-room-bridge: ${opts.command ? `unknown command "${opts.command}"` : 'a command is needed'}\n\n${HELP}`);
    return EXIT.USAGE;
  }

  let files;
  if (opts.command === 'run') {
    if (opts.files.length === 0) {
      io.err('zego-room-bridge run: give one or more scenario files\n');
      return EXIT.USAGE;
    }
    if (opts.scenarios.length) {
      io.err('zego-room-bridge run: --scenario is for demo; name the files instead\n');
      return EXIT.USAGE;
    }
    files = opts.files;
  } else {
    if (opts.files.length) {
      io.err(`zego-room-bridge ${opts.command}: unexpected argument ${opts.files[0]}\n`);
      return EXIT.USAGE;
    }
    files = builtInFiles();
    // Built-ins are named by file name only, so messages do not depend on where the package lives.
  }

  // Validate everything before running anything: a malformed file names each field at fault.
  const loaded = [];
  let malformed = false;
  for (const file of files) {
    const { scenario, errors } = readScenarioFile(file);
    if (errors.length) {
      malformed = true;
      io.err(
        `${opts.command === 'run' ? file : basename(file)}: invalid scenario file\n${errors.map((e) => `  ${e}\n`).join('')}`,
      );
    } else loaded.push({ file, scenario });
  }
  if (malformed) return EXIT.USAGE;

  if (opts.command === 'list') {
    for (const { file, scenario } of loaded) io.out(`${scenario.name.padEnd(34)} ${basename(file)}  ${scenario.title ?? ''}\n`);
    return EXIT.OK;
  }

  let selected = loaded;
  if (opts.scenarios.length) {
    const matches = (want, { file, scenario }) =>
      [scenario.name, basename(file, '.json'), basename(file, '.json').replace(/^\d+-/, '')].includes(want);
    const unknown = opts.scenarios.filter((w) => !loaded.some((l) => matches(w, l)));
    if (unknown.length) {
      io.err(`zego-room-bridge: no built-in scenario "${unknown[0]}"; known: ${loaded.map((l) => l.scenario.name).join(', ')}\n`);
      return EXIT.USAGE;
    }
    selected = loaded.filter((l) => opts.scenarios.some((w) => matches(w, l)));
  }

  // --out is checked before anything runs: a usage error, never a stack trace after the work.
  const outDir = opts.out ?? (opts.command === 'demo' ? 'demo-output' : undefined);
  if (outDir !== undefined) {
    const problem = outDirProblem(outDir);
    if (problem) {
      io.err(`zego-room-bridge: ${problem}\n`);
      return EXIT.USAGE;
    }
  }

  const api = await loadApi();
  if (!api) {
    io.err('zego-room-bridge: dist/index.mjs is missing; build the package first (npm run build)\n');
    return EXIT.NOT_BUILT;
  }

  const runs = [];
  for (const [i, { scenario }] of selected.entries()) {
    progress(`[${i + 1}/${selected.length}] ${scenario.name}`);
    let result;
    try {
      result = runScenario(scenario, api);
    } catch (e) {
      progress('');
      io.err(`zego-room-bridge: internal error in scenario ${scenario.name}: ${e && e.stack ? e.stack : String(e)}\n`);
      return EXIT.INTERNAL;
    }
    const text = formatTimeline(scenario, result);
    runs.push({ scenario, result, text });
    if (opts.json) {
      for (const ev of result.events) io.out(`${JSON.stringify({ scenario: scenario.name, ...ev })}\n`);
      io.out(
        `${JSON.stringify({ scenario: scenario.name, kind: 'result', ok: result.failures.length === 0, end: result.end, marks: result.marks, failures: result.failures })}\n`,
      );
    } else io.out(`${text}\n`);
  }
  progress('');

  if (outDir !== undefined) {
    const dir = resolve(outDir);
    for (const r of runs) {
      r.svg = renderSvg(r.scenario, r.result);
      writeFileSync(join(dir, `${r.scenario.name}.svg`), r.svg);
    }
    writeFileSync(join(dir, 'index.html'), renderIndexHtml(runs));
    if (!opts.json) io.out(`wrote ${runs.length} timeline picture${runs.length === 1 ? '' : 's'} and index.html to ${outDir}\n`);
  }

  const failed = runs.filter((r) => r.result.failures.length);
  if (failed.length) {
    io.err(
      `zego-room-bridge: expectations failed in ${failed.map((r) => r.scenario.name).join(', ')}${opts.json ? '' : ' (diff above)'}\n`,
    );
    // The diff is in the printed timeline; with --json stdout is for machines, so it goes here.
    if (opts.json) for (const r of failed) for (const f of r.result.failures) io.err(`${r.scenario.name}: ${f}\n`);
    return EXIT.EXPECTATION_FAILED;
  }
  return EXIT.OK;
}

async function diagramCommand(opts, io) {
  if (opts.files.length || opts.scenarios.length || opts.json) {
    io.err('zego-room-bridge diagram: only --out FILE is accepted\n');
    return EXIT.USAGE;
  }
  const api = await loadApi();
  if (!api) {
    io.err('zego-room-bridge: dist/index.mjs is missing; build the package first (npm run build)\n');
    return EXIT.NOT_BUILT;
  }
  const svg = renderMachineSvg(api);
  if (opts.out === undefined) {
    io.out(svg);
    return EXIT.OK;
  }
  try {
    writeFileSync(resolve(opts.out), svg);
  } catch (e) {
    io.err(`zego-room-bridge: --out ${opts.out}: cannot write (${e.code ?? e.message})\n`);
    return EXIT.USAGE;
  }
  io.out(`wrote ${opts.out}\n`);
  return EXIT.OK;
}

/** Why `--out dir` cannot be used (creating it when missing), or undefined when it can. */
function outDirProblem(dir) {
  if (dir.trim() === '') return '--out needs a directory name';
  let stat;
  try {
    stat = statSync(dir);
  } catch {
    stat = undefined;
  }
  if (stat && !stat.isDirectory()) return `--out ${dir} is not a directory`;
  if (!stat) {
    try {
      mkdirSync(resolve(dir), { recursive: true });
    } catch (e) {
      return `--out ${dir}: cannot create the directory (${e.code ?? e.message})`;
    }
  }
  return undefined;
}

// Run when started as a program (also through npm's bin symlink), not when imported by a test.
const startedAsProgram = (() => {
  try {
    return Boolean(process.argv[1]) && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
})();
if (startedAsProgram) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`zego-room-bridge: internal error: ${e && e.stack ? e.stack : String(e)}\n`);
      process.exitCode = EXIT.INTERNAL;
    },
  );
}
