/** Unit tests: pure logic beside the code (libs and apps), no I/O. */
module.exports = {
  rootDir: '.',
  testEnvironment: 'node',
  roots: ['<rootDir>/libs', '<rootDir>/apps', '<rootDir>/scripts', '<rootDir>/bench'],
  testRegex: '\\.spec\\.ts$',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', isolatedModules: true }] },
  moduleNameMapper: {
    '^@app/(contracts|config|domain|database|events|auth|resettlement)(/.*)?$': '<rootDir>/libs/$1/src$2',
  },
};
