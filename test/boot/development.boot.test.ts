import { afterEach, expect, it } from 'vitest';
import { waitFor } from '../support/wait-for';
import { describeBoot } from './boot-suite';
import { BootedMain } from './built-main';

describeBoot('built main, run from source (out/)', () => ({ kind: 'development' }));

let main: BootedMain | null = null;
afterEach(async () => {
  await main?.dispose();
  main?.removeUserData();
});

it('run from source, the pages come from the dev server electron-vite names', async () => {
  const devServer = 'http://localhost:5173';
  main = new BootedMain({ kind: 'development' }, { env: { ELECTRON_RENDERER_URL: devServer } });
  await main.ready();
  await waitFor(() => main!.fake.windows.length === 1, 'the first-run window');
  expect(main.fake.windows[0]!.loads).toEqual([
    { url: `${devServer}/settings.html#/connection/first`, status: null },
  ]);
});
