import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAppServices, type AppPlatform, type AppServices } from '../../src/main/app-services';
import { normaliseInstanceUrl } from '../../src/shared/instance-url';
import type { HaSimulator } from '../ha-sim';
import { testPlatform } from './app-platform';
import { fastRetry } from './fast-retry';
import { onlyInstance } from './only-instance';

/**
 * The whole app in a fresh data folder, its one (first) instance set up: its token saved and its
 * address set to the simulator's.
 * `beforeConnect` runs just before it connects (to change settings first); `dir` is its data
 * folder; `dispose` removes it all.
 */
export async function appForSimulator(
  sim: HaSimulator,
  options: {
    platform?: Partial<AppPlatform>;
    beforeConnect?: (app: AppServices) => Promise<void>;
  } = {},
): Promise<{ app: AppServices; dir: string; dispose: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'ha-tray-app-'));
  const app = createAppServices(testPlatform(dir, options.platform), {
    connection: { retry: fastRetry(10, 40) },
  });
  await app.start();
  const instance = normaliseInstanceUrl(sim.url);
  if (!instance.ok) throw new Error(instance.error);
  const first = onlyInstance(app);
  await first.vault.save(sim.token);
  first.settings.setOrigin(instance.value.origin);
  await options.beforeConnect?.(app);
  first.setup.connectIfReady();
  return {
    app,
    dir,
    dispose: async () => {
      await app.dispose();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
