/**
 * Loads the API through Node's own module loader rather than Jest's. NestJS 12 ships as ES modules, which
 * Node 20.19+ can require() but Jest's module registry (before Node 24.9) cannot; so the app, and the TypeORM
 * it talks to, live outside the registry. Suites therefore reach the database through the app's DataSource
 * with plain SQL, never with entity classes of their own (those would be different classes).
 */
import Module from 'node:module';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { DtoPropertyFacts } from '../../apps/api/src/common/dto-rules';
import type { ApiSettings } from '../../apps/api/src/config/api.config';

export interface NativeApi {
  createApiApp(settings: ApiSettings): Promise<INestApplication>;
  readApiSettings(env: NodeJS.ProcessEnv): ApiSettings;
  /** The DataSource class the app registered, to look its instance up with app.get(). */
  DataSource: abstract new (...args: never[]) => DataSource;
}

// Jest hands test code a Module class whose createRequire goes back into its registry, but whose _load is
// Node's own: the one door out of the sandbox, used for this single file.
const nodeLoad = (Module as unknown as { _load(request: string, parent: null, isMain: boolean): unknown })._load;

interface NativeLoader {
  loadApi(): NativeApi;
  loadApiDtoFacts(): DtoPropertyFacts[];
}

function nativeLoader(): NativeLoader {
  return nodeLoad(join(__dirname, 'native-loader.cjs'), null, false) as NativeLoader;
}

export function loadNativeApi(): NativeApi {
  return nativeLoader().loadApi();
}

/** The DTO facts (test/setup/dto-metadata.ts) of the API as Node loads it, for the DTO rules' unit test. */
export function loadApiDtoFacts(): DtoPropertyFacts[] {
  return nativeLoader().loadApiDtoFacts();
}
