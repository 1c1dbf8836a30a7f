/** Unit tests: pure logic beside the code (libs and apps), no I/O; test/workspace checks the workspace itself. */
const common = require('./jest.common');

module.exports = {
  ...common,
  rootDir: '.',
  roots: ['<rootDir>/libs', '<rootDir>/apps', '<rootDir>/scripts', '<rootDir>/bench', '<rootDir>/test/workspace'],
  testRegex: '\\.spec\\.ts$',
};
