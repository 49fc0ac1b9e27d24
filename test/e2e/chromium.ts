import { existsSync } from 'node:fs';

/**
 * Debian's Chromium (Playwright's own browser download does not work on our machines). Without
 * one the suite is skipped with the reason, except on CI, where that is a failure.
 */
export function chromiumPath(): string | null {
  const candidates = [
    process.env.CHROMIUM_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
  ].filter(Boolean) as string[];
  const found = candidates.find((path) => existsSync(path)) ?? null;
  if (!found && process.env.CI === 'true') {
    throw new Error(
      'Chromium is required on CI for the end-to-end suite: apt-get install -y chromium (or set CHROMIUM_PATH).',
    );
  }
  return found;
}

/** Flags for a root, offline, headless Chromium (background services would reach for the network). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-features=Translate,MediaRouter,OptimizationHints',
];
