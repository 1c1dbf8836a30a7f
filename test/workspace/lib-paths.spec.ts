/**
 * tsconfig.json's `paths` is the one list of the @app/* libs: the compiler, Jest (jest.common.js), the global
 * setups (test/setup/register-paths.ts) and nest build all read it. A lib added under libs/ but not there would
 * compile in an editor yet fail under Jest or in dist/, so this fails first.
 */
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadConfig } from 'tsconfig-paths';

const ROOT = resolve(__dirname, '../..');

function tsconfigPaths(): Record<string, string[]> {
  const tsconfig = loadConfig(ROOT);
  if (tsconfig.resultType !== 'success') throw new Error(tsconfig.message);
  return tsconfig.paths;
}

const libDirs = readdirSync(resolve(ROOT, 'libs'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

describe('the @app/* lib list (tsconfig.json paths)', () => {
  it('finds the libs under libs/', () => {
    expect(libDirs).toEqual(expect.arrayContaining(['config', 'contracts', 'domain']));
  });

  it.each(libDirs)('maps @app/%s and its files to libs/%s/src', (lib) => {
    const paths = tsconfigPaths();
    expect(paths[`@app/${lib}`]).toEqual([`./libs/${lib}/src`]);
    expect(paths[`@app/${lib}/*`]).toEqual([`./libs/${lib}/src/*`]);
  });

  it('maps nothing that is not a lib under libs/', () => {
    const mapped = Object.keys(tsconfigPaths()).map((alias) => alias.replace(/^@app\//, '').replace(/\/\*$/, ''));
    expect([...new Set(mapped)].sort()).toEqual([...libDirs].sort());
  });
});
