/** Jest runs the TypeScript sources through ts-jest (CommonJS); the bundle tests load dist/ and core.mjs. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // A bound on every test and hook, so a stuck browser or server fails the test instead of hanging the run
  // (files with slower tests raise it with jest.setTimeout). No forceExit: the tests close what they open.
  testTimeout: 30_000,
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.test.json' }],
    // The CLI's modules (ESM) run in-process in the tests of the session machine (its diagram, its rows).
    '^.+/cli/.+\\.mjs$': [
      'babel-jest',
      { babelrc: false, configFile: false, presets: [['@babel/preset-env', { targets: { node: 'current' } }]] },
    ],
  },
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
};
