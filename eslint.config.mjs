// ESLint (flat config) with typescript-eslint: the recommended rules, plus the core's platform rule —
// the core bundle runs on PuerTS (no DOM, no Node, timers only through the host seam; README, "The
// bundle for PuerTS"), so those globals are refused in src/ outside the few files that are the seam
// and src/server/ (the local room server, Node only, never in core.mjs).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const hostOnly = [
  'setTimeout',
  'clearTimeout',
  'setInterval',
  'clearInterval',
  'queueMicrotask',
  'TextEncoder',
  'TextDecoder',
  'atob',
  'btoa',
  'fetch',
  'window',
  'document',
  'navigator',
  'process',
  'require',
].map((name) => ({ name, message: 'The core runs on PuerTS: use the host seam (src/host) instead.' }));

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      '**/bin/**',
      '**/obj/**',
      'unity-plugin/**',
      'tests-dotnet/**',
      'demo-output/**',
      'coverage/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/host/clock.ts', 'src/webgl/**', 'src/server/**'],
    rules: { 'no-restricted-globals': ['error', ...hostOnly] },
  },
  {
    files: ['test/**/*.ts', 'bench/**/*.mjs', 'cli/**/*.mjs', 'scripts/**/*.mjs', '*.js', '*.cjs', '*.mjs'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        require: 'readonly',
        module: 'writable',
        __dirname: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        URL: 'readonly',
        Buffer: 'readonly',
        performance: 'readonly',
        globalThis: 'readonly',
        structuredClone: 'readonly',
        gc: 'readonly', // node --expose-gc (npm run bench)
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
