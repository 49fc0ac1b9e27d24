import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

// Main and preload are emitted as CommonJS (no "type": "module"): a sandboxed preload cannot be
// an ES module. ESM-only dependencies are bundled into main instead of being required at runtime.
const bundledEsmDeps = ['electron-store', 'home-assistant-js-websocket', 'jose'];

export default defineConfig({
  main: {
    build: {
      externalizeDeps: { exclude: bundledEsmDeps },
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
    build: {
      rollupOptions: {
        input: {
          settings: resolve(__dirname, 'src/renderer/settings.html'),
          panel: resolve(__dirname, 'src/renderer/panel.html'),
        },
      },
    },
  },
});
