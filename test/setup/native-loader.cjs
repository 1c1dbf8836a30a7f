/**
 * Loaded by Node itself, outside Jest's module registry (see native-api.ts): registers TypeScript and the
 * @app/* paths just long enough to read the API's sources, then hands back what the suites need. Node caches
 * the result, so every suite a worker runs shares one compiled copy of the app.
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '../..');
const LIBS = ['contracts', 'config', 'domain', 'database', 'events', 'auth', 'resettlement'];

/** Runs `load` with TypeScript sources and the @app/* paths requirable, and unregisters both afterwards. */
function withTypeScript(load) {
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
    return load();
  } finally {
    tsNode.enabled(false);
    unregisterPaths();
  }
}

let loaded = null;

exports.loadApi = function loadApi() {
  loaded ??= withTypeScript(() => ({
    createApiApp: require(path.join(ROOT, 'apps/api/src/bootstrap.ts')).createApiApp,
    readApiSettings: require(path.join(ROOT, 'apps/api/src/config/api.config.ts')).readApiSettings,
    DataSource: require('typeorm').DataSource,
  }));
  return loaded;
};

/** What the decorators of every DTO the API's controllers take say (test/setup/dto-metadata.ts). */
exports.loadApiDtoFacts = function loadApiDtoFacts() {
  return withTypeScript(() => {
    const sources = path.join(ROOT, 'apps/api/src');
    const controllers = fs
      .readdirSync(sources, { recursive: true })
      .filter((file) => file.endsWith('.controller.ts'))
      .map((file) => require(path.join(sources, file)));
    return require(path.join(__dirname, 'dto-metadata.ts')).apiDtoFacts(controllers);
  });
};
