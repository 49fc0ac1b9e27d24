import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

// `npm run test:ha`: the suites that run against a real Home Assistant (see test/real-ha/).
export default defineConfig({
  resolve: { alias: { electron: resolve(import.meta.dirname, 'test/mocks/electron.ts') } },
  test: {
    name: 'real-ha',
    environment: 'node',
    include: ['test/**/*.ha-test.ts'],
    testTimeout: 90_000,
    hookTimeout: 240_000,
    // One Home Assistant per file; files in parallel would fight over the two cores.
    fileParallelism: false,
    server: { deps: { inline: ['electron-store'] } },
  },
});
