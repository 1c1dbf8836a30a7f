/**
 * Jest applies moduleNameMapper to test files but not to globalSetup, which Node loads itself; this maps the
 * @app/<lib> imports there from tsconfig.json's paths, as the compiler does. Imported first, before anything
 * that uses @app/*.
 */
import { resolve } from 'node:path';
import { loadConfig, register } from 'tsconfig-paths';

const tsconfig = loadConfig(resolve(__dirname, '../..'));
if (tsconfig.resultType !== 'success') throw new Error(`tsconfig.json: ${tsconfig.message}`);
register({ baseUrl: tsconfig.absoluteBaseUrl, paths: tsconfig.paths });
