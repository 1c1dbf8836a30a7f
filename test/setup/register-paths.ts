/**
 * Jest applies moduleNameMapper to test files but not to globalSetup, which Node loads itself; this maps the
 * @app/<lib> imports there the way tsconfig.json does. Imported first, before anything that uses @app/*.
 */
import { resolve } from 'node:path';
import { register } from 'tsconfig-paths';

const LIBS = ['contracts', 'config', 'domain', 'database', 'events', 'auth', 'resettlement'];

register({
  baseUrl: resolve(__dirname, '../..'),
  paths: Object.fromEntries(
    LIBS.flatMap((lib) => [
      [`@app/${lib}`, [`libs/${lib}/src`]],
      [`@app/${lib}/*`, [`libs/${lib}/src/*`]],
    ]),
  ),
});
