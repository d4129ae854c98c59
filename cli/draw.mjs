// `zego-room-bridge draw trace.json... [--out DIR]`: one timeline picture per trace file, drawn by the
// demo's renderer. Every file is checked before anything is drawn: a malformed one names each field at fault.
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { loadTrace, traceToRun } from './trace.mjs';
import { renderSvg } from './svg.mjs';

export const DRAW_HELP = `  zego-room-bridge draw <trace.json>... [--out DIR]
      Draws trace files (createEngine({ trace }), ZegoRoomBridgeSettings.TraceFile; docs/TRACE.md)
      as the demo's timeline pictures: DIR/<file name>.svg, one per file (DIR defaults to .).
`;

/** `exit` is the CLI's exit codes; `loadApi` resolves the built package (undefined when not built). */
export async function drawCommand(argv, io, { exit, loadApi }) {
  const files = [];
  let out = '.';
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--out') {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--') || v.trim() === '') {
        io.err('zego-room-bridge draw: --out needs a directory\n');
        return exit.USAGE;
      }
      out = v;
    } else if (a === '-h' || a === '--help') {
      io.out(DRAW_HELP);
      return exit.OK;
    } else if (a.startsWith('-')) {
      io.err(`zego-room-bridge draw: unknown option ${a}\n\n${DRAW_HELP}`);
      return exit.USAGE;
    } else files.push(a);
  }
  if (files.length === 0) {
    io.err(`zego-room-bridge draw: give one or more trace files\n\n${DRAW_HELP}`);
    return exit.USAGE;
  }

  const loaded = [];
  let malformed = false;
  for (const file of files) {
    let text;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      malformed = true;
      io.err(`${file}: cannot read: ${e.code ?? e.message}\n`);
      continue;
    }
    const { trace, errors } = loadTrace(text);
    if (errors.length) {
      malformed = true;
      io.err(`${file}: invalid trace file\n${errors.map((e) => `  ${e}\n`).join('')}`);
    } else loaded.push({ file, trace, name: basename(file, extname(file)) });
  }
  if (malformed) return exit.USAGE;
  const names = new Set();
  for (const l of loaded) {
    if (names.has(l.name)) {
      io.err(`zego-room-bridge draw: two files would both be drawn to ${l.name}.svg\n`);
      return exit.USAGE;
    }
    names.add(l.name);
  }

  let stat;
  try {
    stat = statSync(out);
  } catch {
    stat = undefined;
  }
  if (stat && !stat.isDirectory()) {
    io.err(`zego-room-bridge: --out ${out} is not a directory\n`);
    return exit.USAGE;
  }
  if (!stat) {
    try {
      mkdirSync(resolve(out), { recursive: true });
    } catch (e) {
      io.err(`zego-room-bridge: --out ${out}: cannot create the directory (${e.code ?? e.message})\n`);
      return exit.USAGE;
    }
  }

  const api = await loadApi();
  if (!api) {
    io.err('zego-room-bridge: dist/index.mjs is missing; build the package first (npm run build)\n');
    return exit.NOT_BUILT;
  }

  let failed = false;
  for (const { trace, name } of loaded) {
    const { scenario, result } = traceToRun(trace, api, name);
    const target = join(out, `${name}.svg`);
    writeFileSync(target, renderSvg(scenario, result));
    io.out(
      `wrote ${target} (${result.lanes.length} lane${result.lanes.length === 1 ? '' : 's'}, ${trace.records.length} records)\n`,
    );
    for (const f of result.failures) {
      failed = true;
      io.err(`${name}: ${f}\n`);
    }
  }
  return failed ? exit.EXPECTATION_FAILED : exit.OK;
}
