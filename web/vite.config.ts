import { defineConfig } from 'vite';

/**
 * The web app's build: web/ → web/dist/. `npm start` builds it when the sources changed
 * (web/build.ts) and serves it next to the API; the web stack deploys the same files.
 */
export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  publicDir: false,
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    // Cloudscape is large; the initial bundle is measured and reported instead.
    chunkSizeWarningLimit: 1500,
  },
});
