/**
 * The multi-instance soak (npm run soak): one long run of the whole service as separate processes, on the e2e
 * run's own database and Redis prefix (test/setup/global-setup.ts), ending with a checker. See soak.soak-spec.ts.
 */
const common = require('../../jest.common');

module.exports = {
  rootDir: '../..',
  ...common,
  roots: ['<rootDir>/test/soak'],
  testRegex: '\\.soak-spec\\.ts$',
  globalSetup: '<rootDir>/test/setup/global-setup.ts',
  globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
  testTimeout: 3_600_000,
  maxWorkers: 1,
};
