import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// Tests never load the real `electron` module (its binary cannot be downloaded on CI):
// every import of it resolves to one recording mock.
const electronMock = resolve(import.meta.dirname, 'test/mocks/electron.ts');

// Timeouts are ceilings for a machine under load (npm test passes beside `stress-ng --cpu 4` on two
// cores), never the way a test waits: every test waits for the event it needs.
export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias: { electron: electronMock } },
        test: {
          name: 'node',
          environment: 'node',
          include: ['test/**/*.test.ts'],
          exclude: [
            'test/renderer/**',
            'test/e2e/**',
            'test/real-ha/**',
            'test/boot/**',
            'test/discovery/**',
          ],
          setupFiles: ['test/support/udp-guard-setup.ts'],
          server: { deps: { inline: ['electron-store'] } },
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        resolve: { alias: { electron: electronMock } },
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.e2e.test.ts'],
          setupFiles: ['test/support/udp-guard-setup.ts'],
          server: { deps: { inline: ['electron-store'] } },
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        // Discovery against python-zeroconf inside a network namespace the test makes (root:
        // unshare -n); the worker stays outside, under the same UDP guard as the node project.
        test: {
          name: 'discovery',
          environment: 'node',
          include: ['test/discovery/**/*.test.ts'],
          setupFiles: ['test/support/udp-guard-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
      {
        // The built main process on a fake electron, in development and packaged form. The build
        // and the electron-builder run happen once, in the global setup.
        test: {
          name: 'boot',
          environment: 'node',
          include: ['test/boot/**/*.boot.test.ts'],
          globalSetup: ['test/boot/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        plugins: [react()],
        resolve: { alias: { electron: electronMock } },
        test: {
          name: 'renderer',
          environment: 'jsdom',
          include: ['test/renderer/**/*.test.{ts,tsx}'],
          setupFiles: ['test/setup/renderer.ts'],
          testTimeout: 60_000,
        },
      },
    ],
  },
});
