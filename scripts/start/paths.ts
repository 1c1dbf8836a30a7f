/** Where `npm start` finds the build and keeps its data. */
import { join, resolve } from 'node:path';

/** The repository root: this file runs from dist/scripts/start/. */
export const ROOT = resolve(__dirname, '..', '..', '..');
export const PG_DATA_DIR = join(ROOT, '.data', 'postgres');

export function entryPoint(app: string): string {
  return join(ROOT, 'dist', 'apps', app, 'src', 'main.js');
}
