// What the `--flag value` commands (serve, bots, token) share: one reader for a table of flags, each bounded,
// with one message per kind of mistake prefixed with the command (exit code 2 is the caller's), and the
// import of the built package they run on.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** dist/`file` of this package, or undefined after telling the user to build it (the caller exits 3). */
export async function importBuilt(command, file, io) {
  const dist = join(root, 'dist', file);
  if (!existsSync(dist)) {
    io.err(`zego-room-bridge ${command}: the package is not built (run: npm run build)\n`);
    return undefined;
  }
  return import(pathToFileURL(dist).href);
}

export class UsageError extends Error {}

/**
 * Flag kinds: ['int', min, max] a whole number in range; ['string'] 1 to 256 characters; ['url'] ws:// or
 * wss:// HOST:PORT; ['switch'] no value. Values land in `opts` under the flag's camelCase name.
 */
export function parseFlags(command, argv, flags, opts = {}) {
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const spec = flags[flag];
    if (!spec) throw new UsageError(`${command}: unknown argument ${flag}`);
    const name = flag.slice(2).replace(/-([a-z])/g, (_, c) => c.toUpperCase());
    if (spec[0] === 'switch') {
      opts[name] = true;
      continue;
    }
    const raw = argv[++i];
    if (raw === undefined || raw.startsWith('--')) throw new UsageError(`${command}: ${flag} needs a value`);
    opts[name] = readValue(command, flag, spec, raw);
  }
  return opts;
}

function readValue(command, flag, [kind, min, max], raw) {
  switch (kind) {
    case 'int': {
      const n = Number(raw);
      if (!/^\d+$/.test(raw) || !Number.isSafeInteger(n) || n < min || n > max)
        throw new UsageError(`${command}: ${flag} must be a whole number from ${min} to ${max}`);
      return n;
    }
    case 'url':
      if (!/^wss?:\/\/[^\s/]+\/?$/.test(raw) || raw.length > 256)
        throw new UsageError(`${command}: ${flag} must be the server's address, ws://HOST:PORT (what serve printed)`);
      return raw;
    default:
      if (raw.length === 0 || raw.length > 256) throw new UsageError(`${command}: ${flag} must be 1 to 256 characters`);
      return raw;
  }
}
