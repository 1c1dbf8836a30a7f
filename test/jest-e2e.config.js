/**
 * End-to-end tests: the real API over HTTP against a throwaway PostgreSQL database and a Redis key prefix
 * made for this run (test/setup/global-setup.ts) and removed afterwards (global-teardown.ts).
 */
module.exports = {
  rootDir: '..',
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testRegex: '\\.e2e-spec\\.ts$',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', isolatedModules: true }] },
  moduleNameMapper: {
    '^@app/(contracts|config|domain|database|events|auth|resettlement)(/.*)?$': '<rootDir>/libs/$1/src$2',
  },
  globalSetup: '<rootDir>/test/setup/global-setup.ts',
  globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
  // Generous (tests and hooks alike): every wait is for something that must happen, so only a failing test
  // reaches it, while a loaded machine may take a minute to start the apps a suite needs.
  testTimeout: 120000,
};
