// Runs the CLI as a user would (node cli/zego-room-bridge.mjs …): the cli modules are ESM and jest runs CommonJS.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export const root = join(__dirname, '..');
export const cliPath = join(root, 'cli', 'zego-room-bridge.mjs');
export const fixture = (name: string) => join(root, 'test', 'fixtures', 'scenarios', name);

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function cli(args: string[]): CliResult {
  const r = spawnSync(process.execPath, [cliPath, ...args], { cwd: root, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** One JSON Lines record of `--json`. */
export interface Ev {
  scenario: string;
  t: number;
  user: string;
  kind: 'step' | 'callback' | 'log' | 'result';
  text: string;
  callback?: string;
  room?: string;
  reason?: string;
  reasonValue?: number;
  errorCode?: number;
  errorName?: string;
  updateType?: string;
  users?: string[];
  remainTimeInSecond?: number;
  mark?: string;
  action?: string;
  ok?: boolean;
  failures?: string[];
  marks?: Array<{ name: string; t: number; user: string }>;
  end?: number;
}

export function jsonLines(stdout: string): Ev[] {
  return stdout
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Ev);
}
