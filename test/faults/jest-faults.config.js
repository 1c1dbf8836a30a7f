/**
 * The fault-injection suite (npm run test:faults): each case kills or starves a real process (api, gateways,
 * worker, Redis, PostgreSQL) and ends with a checker against the outbox and the alerts table. Cases run one at a
 * time: they share the suite's Redis and PostgreSQL, and some of them restart those.
 */
const common = require('../../jest.common');

module.exports = {
  rootDir: '../..',
  ...common,
  roots: ['<rootDir>/test/faults'],
  testRegex: '\\.fault-spec\\.ts$',
  globalSetup: '<rootDir>/test/faults/setup/global-setup.ts',
  globalTeardown: '<rootDir>/test/faults/setup/global-teardown.ts',
  testTimeout: 600_000,
  maxWorkers: 1,
};
