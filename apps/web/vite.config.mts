// The web app is built into dist/web, which the API serves at /. Run from the repository root.
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'apps/web',
  base: '/',
  build: { outDir: '../../dist/web', emptyOutDir: true, sourcemap: true },
});
