// The repository's house rules, checked like behaviour: lint and format are clean, comments and docs cite
// only public sources or this repository's own files, and names outside the transition table are full words.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..');
const bin = (name: string) => join(root, 'node_modules', '.bin', name);
const tracked = (...patterns: string[]) =>
  execFileSync('git', ['ls-files', '--', ...patterns], { cwd: root, encoding: 'utf8' })
    .split('\n')
    .filter(Boolean);

jest.setTimeout(180_000);

test('ESLint (typescript-eslint) reports nothing', () => {
  const r = spawnSync(bin('eslint'), ['.', '--max-warnings', '0'], { cwd: root, encoding: 'utf8' });
  expect(`${r.stdout}${r.stderr}`.trim()).toBe('');
  expect(r.status).toBe(0);
});

test('Prettier finds every file formatted', () => {
  const r = spawnSync(bin('prettier'), ['--check', '.', '--log-level', 'warn'], { cwd: root, encoding: 'utf8' });
  expect(`${r.stdout}${r.stderr}`.trim()).toBe('');
  expect(r.status).toBe(0);
});

test('comments and docs cite public sources or files in this repository, never a folder beside it', () => {
  const outside = /\.\.\/shared\/|shared\/reference|reference §|seed-room-connection-status/;
  const files = tracked(
    'src',
    'cli',
    'bench',
    'scripts',
    'test',
    'tests-dotnet',
    'unity-plugin',
    'Assets',
    'docs',
    '*.md',
  ).filter(
    (f) =>
      /\.(ts|mjs|cjs|js|cs|md|json|sh)$/.test(f) && f !== 'test/houseRules.test.ts' && !f.includes('/Resources/ZegoRoomBridge/'),
  );
  const hits = files.flatMap((f) =>
    readFileSync(join(root, f), 'utf8')
      .split('\n')
      .map((line, i) => (outside.test(line) ? `${f}:${i + 1}: ${line.trim()}` : ''))
      .filter(Boolean),
  );
  expect(hits).toEqual([]);
});

test('outside the transition table, src/ imports no one-letter aliases', () => {
  const alias = /import\s*\{[^}]*\bas\s+[A-Z]\s*[,}]/;
  const hits = tracked('src')
    .filter((f) => f.endsWith('.ts') && f !== 'src/session/transitions.ts')
    .filter((f) => alias.test(readFileSync(join(root, f), 'utf8')));
  expect(hits).toEqual([]);
});
