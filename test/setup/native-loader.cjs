/**
 * Loaded by Node itself, outside Jest's module registry (see native-api.ts): registers TypeScript and the
 * @app/* paths just long enough to read the API's sources, then hands back what the suites need. Node caches
 * the result, so every suite a worker runs shares one compiled copy of the app.
 */
'use strict';
const path = require('node:path');

const ROOT = path.resolve(__dirname, '../..');
const LIBS = ['config', 'domain', 'database', 'events', 'auth', 'resettlement'];

let loaded = null;

exports.loadApi = function loadApi() {
  if (loaded) return loaded;
  const tsNode = require('ts-node').register({ transpileOnly: true, project: path.join(ROOT, 'tsconfig.json') });
  const unregisterPaths = require('tsconfig-paths').register({
    baseUrl: ROOT,
    paths: Object.fromEntries(
      LIBS.flatMap((lib) => [
        [`@app/${lib}`, [`libs/${lib}/src`]],
        [`@app/${lib}/*`, [`libs/${lib}/src/*`]],
      ]),
    ),
  });
  try {
    require('reflect-metadata');
    loaded = {
      createApiApp: require(path.join(ROOT, 'apps/api/src/bootstrap.ts')).createApiApp,
      readApiSettings: require(path.join(ROOT, 'apps/api/src/config/api.config.ts')).readApiSettings,
      DataSource: require('typeorm').DataSource,
    };
  } finally {
    tsNode.enabled(false);
    unregisterPaths();
  }
  return loaded;
};
