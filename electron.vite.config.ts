import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

// Main and preload are emitted as CommonJS (no "type": "module"): a sandboxed preload cannot be
// an ES module. Main bundles every dependency it uses (ESM-only ones included), so the installed
// app needs no node_modules at all: app.asar holds only the built code (package.json therefore
// lists everything under devDependencies; electron-builder packs `dependencies`).

export default defineConfig({
  main: {
    build: {
      externalizeDeps: false,
      rollupOptions: { input: { index: resolve(__dirname, 'src/main/index.ts') } },
    },
  },
  preload: {
    build: {
      // A sandboxed preload cannot require node_modules at run time: bundle everything it uses.
      externalizeDeps: false,
      rollupOptions: { input: { index: resolve(__dirname, 'src/preload/index.ts') } },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    plugins: [react()],
    // zod, configured jitless before any schema is built (see the file).
    resolve: {
      alias: [{ find: /^zod$/, replacement: resolve(__dirname, 'src/renderer/zod-jitless.ts') }],
    },
    build: {
      rollupOptions: {
        input: {
          settings: resolve(__dirname, 'src/renderer/settings.html'),
          panel: resolve(__dirname, 'src/renderer/panel.html'),
          // Shown in a window whose page crashed twice (src/main/crash/crash-policy.ts).
          error: resolve(__dirname, 'src/renderer/error.html'),
        },
      },
    },
  },
});
