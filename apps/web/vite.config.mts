// The web app is built into dist/web, which the API serves at /. Run from the repository root.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'apps/web',
  base: '/',
  // The one library the browser may import: the contract shared with the API, gateway and tests.
  resolve: { alias: { '@app/contracts': fileURLToPath(new URL('../../libs/contracts/src', import.meta.url)) } },
  build: { outDir: '../../dist/web', emptyOutDir: true, sourcemap: true },
});
