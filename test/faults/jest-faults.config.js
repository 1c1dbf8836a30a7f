/**
 * The fault-injection suite (npm run test:faults): each case kills or starves a real process (api, gateways,
 * worker, Redis, PostgreSQL) and ends with a checker against the outbox and the alerts table. Cases run one at a
 * time: they share the suite's Redis and PostgreSQL, and some of them restart those.
 */
module.exports = {
  rootDir: '../..',
  testEnvironment: 'node',
  roots: ['<rootDir>/test/faults'],
  testRegex: '\\.fault-spec\\.ts$',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', isolatedModules: true }] },
  moduleNameMapper: {
    '^@app/(contracts|config|domain|database|events|auth|resettlement)(/.*)?$': '<rootDir>/libs/$1/src$2',
  },
  globalSetup: '<rootDir>/test/faults/setup/global-setup.ts',
  globalTeardown: '<rootDir>/test/faults/setup/global-teardown.ts',
  testTimeout: 600_000,
  maxWorkers: 1,
};
