/**
 * End-to-end tests: the real API over HTTP against a throwaway PostgreSQL database and a Redis key prefix
 * made for this run (test/setup/global-setup.ts) and removed afterwards (global-teardown.ts).
 */
const common = require('../jest.common');

module.exports = {
  rootDir: '..',
  ...common,
  roots: ['<rootDir>/test'],
  testRegex: '\\.e2e-spec\\.ts$',
  globalSetup: '<rootDir>/test/setup/global-setup.ts',
  globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
  // Generous (tests and hooks alike): every wait is for something that must happen, so only a failing test
  // reaches it, while a loaded machine may take a minute to start the apps a suite needs.
  testTimeout: 120000,
};
