/** The web app's message catalogues (apps/web/src/i18n/<name>.json), as the checks of its wording read them. */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const WEB_I18N_DIR = resolve(__dirname, '../../apps/web/src/i18n');

export function webCatalogue(name: 'en' | 'cy'): Record<string, string> {
  return JSON.parse(readFileSync(join(WEB_I18N_DIR, `${name}.json`), 'utf8')) as Record<string, string>;
}
