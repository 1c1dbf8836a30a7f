/**
 * What the three Jest configs share (unit: jest.config.js, e2e: test/jest-e2e.config.js, faults:
 * test/faults/jest-faults.config.js): how TypeScript is compiled, and the @app/* libs, read from tsconfig.json's
 * `paths`, the one place the lib list is written.
 */
const { pathsToModuleNameMapper } = require('ts-jest');
const { loadConfig } = require('tsconfig-paths');
const { SourceTextModule } = require('node:vm');

/** tsconfig.json's `paths` as Jest's moduleNameMapper (@app/domain -> <repo>/libs/domain/src, and so on). */
function moduleNameMapper() {
  const tsconfig = loadConfig(__dirname);
  if (tsconfig.resultType !== 'success') throw new Error(`tsconfig.json: ${tsconfig.message}`);
  return pathsToModuleNameMapper(tsconfig.paths, { prefix: `${tsconfig.absoluteBaseUrl}/` });
}

/**
 * NestJS 12, and the API the tests load, are ES modules: Jest's registry require()s them natively on Node 24.9+,
 * but only when Node exposes synchronous VM module evaluation (vm.SourceTextModule#hasAsyncGraph), which it does
 * under --experimental-vm-modules. .npmrc passes that flag to everything npm runs (npm test, npx jest); a run
 * started another way stops here with the reason rather than with ERR_REQUIRE_ESM in the middle of a suite.
 */
function requireEsmSupport() {
  if (typeof SourceTextModule?.prototype.hasAsyncGraph === 'function') return;
  throw new Error(
    `Jest needs Node >= 24.9 with --experimental-vm-modules to require() the ES modules NestJS ships (this is ` +
      `${process.version}, NODE_OPTIONS=${process.env.NODE_OPTIONS ?? ''}): run it through npm (npm test, npx jest), ` +
      `which passes the flag from .npmrc, or set NODE_OPTIONS=--experimental-vm-modules`,
  );
}

requireEsmSupport();

module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', isolatedModules: true }] },
  moduleNameMapper: moduleNameMapper(),
};
