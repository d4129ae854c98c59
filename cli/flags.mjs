// One reader for the `--flag value` commands (serve, bots): a table of flags, each bounded, and one
// message per kind of mistake, prefixed with the command (exit code 2 is the caller's).

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
