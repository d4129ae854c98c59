// Reading one field of a bridge request, with the message the caller gets when it is missing or of the
// wrong type. No imports: core.mjs and sim.mjs each bundle this file, and each side builds its readers
// around its own error (the bridge's BridgeError) so a refused request answers with its code.
type Request = Record<string, unknown>;

export interface RequestFields {
  /** A non-empty string. */
  str(req: Request, key: string): string;
  /** A finite number. */
  num(req: Request, key: string): number;
  /** true or false. */
  bool(req: Request, key: string): boolean;
}

export function requestFields(fail: (message: string) => Error): RequestFields {
  return {
    str(req, key) {
      const v = req[key];
      if (typeof v !== 'string' || v.length === 0) throw fail(`"${key}" must be a non-empty string`);
      return v;
    },
    num(req, key) {
      const v = req[key];
      if (typeof v !== 'number' || !Number.isFinite(v)) throw fail(`"${key}" must be a number`);
      return v;
    },
    bool(req, key) {
      const v = req[key];
      if (typeof v !== 'boolean') throw fail(`"${key}" must be true or false`);
      return v;
    },
  };
}
