/**
 * npm scripts run on the Node pinned as the dev dependency `node` (its binary from the npm registry comes first
 * on npm's PATH), not on the machine's own, which may be older (Node 20 here). If this fails, the tests ran on
 * another Node: run them through npm (npm test, npx jest), and `npm ci` if node_modules/.bin/node is missing.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

interface PackageJson {
  devDependencies: Record<string, string>;
  engines: { node: string };
}

const packageJson = JSON.parse(readFileSync(resolve(__dirname, '../../package.json'), 'utf8')) as PackageJson;

describe('the Node runtime', () => {
  it('pins an exact Node version as the dev dependency `node`', () => {
    expect(packageJson.devDependencies.node).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('runs the tests on the pinned Node', () => {
    expect(process.version).toBe(`v${packageJson.devDependencies.node}`);
  });
});
