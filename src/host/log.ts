// Logging seam. Tokens never reach a log line: the engine logs codes and messages, never call arguments.

export interface Logger {
  warn(message: string): void;
  error(message: string): void;
  /** Routine facts worth a trace (a stale driver event dropped); optional, silent by default. */
  debug?(message: string): void;
}

export function consoleLogger(): Logger {
  const c = (globalThis as { console?: { warn?: (m: string) => void; error?: (m: string) => void; log?: (m: string) => void } }).console;
  const out = (m: string, level: 'warn' | 'error') => {
    const f = c && (c[level] || c.log);
    if (f) { try { f.call(c, m); } catch { /* a broken console must not break the engine */ } }
  };
  return { warn: (m) => out(m, 'warn'), error: (m) => out(m, 'error') };
}
