/**
 * What the three Jest configs share (unit: jest.config.js, e2e: test/jest-e2e.config.js, faults:
 * test/faults/jest-faults.config.js): how TypeScript is compiled, and the @app/* libs, read from tsconfig.json's
 * `paths`, the one place the lib list is written.
 */
const { pathsToModuleNameMapper } = require('ts-jest');
const { loadConfig } = require('tsconfig-paths');

/** tsconfig.json's `paths` as Jest's moduleNameMapper (@app/domain -> <repo>/libs/domain/src, and so on). */
function moduleNameMapper() {
  const tsconfig = loadConfig(__dirname);
  if (tsconfig.resultType !== 'success') throw new Error(`tsconfig.json: ${tsconfig.message}`);
  return pathsToModuleNameMapper(tsconfig.paths, { prefix: `${tsconfig.absoluteBaseUrl}/` });
}

module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', isolatedModules: true }] },
  moduleNameMapper: moduleNameMapper(),
};
