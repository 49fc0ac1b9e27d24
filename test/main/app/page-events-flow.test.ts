import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createAppServices, type AppServices } from '../../../src/main/app-services';
import type { EntityView } from '../../../src/shared/entity-view';
import { requestChannel, streamChannel } from '../../../src/shared/ipc/define';
import { FIRST_INSTANCE_KEY as KEY } from '../../../src/shared/settings';
import type { IpcResult } from '../../../src/shared/ipc/result';
import { normaliseInstanceUrl } from '../../../src/shared/instance-url';
import { startSimulator, type HaSimulator } from '../../ha-sim';
import { fastRetry } from '../../support/fast-retry';
import { testPlatform } from '../../support/app-platform';
import { onlyInstance } from '../../support/only-instance';
import { waitFor } from '../../support/wait-for';
import { snapshotIn } from '../../support/supervised-store';
import { followEveryStream } from '../../support/stream-pages';

const PAGE = { url: 'ha-tray://app/panel.html', isMainFrame: true };
let sim: HaSimulator;
let app: AppServices;
let dir: string;
let sent: Array<{ channel: string; payload: unknown }>;

beforeEach(async () => {
  sim = await startSimulator();
  dir = mkdtempSync(join(tmpdir(), 'ha-tray-page-events-'));
  sent = [];
  app = createAppServices(testPlatform(dir), {
    connection: { retry: fastRetry(10, 40) },
    entityEventDelayMs: 10,
  });
  followEveryStream(app.table, (event) => sent.push(event));
  await app.start();
  app.settings.updateInstance(KEY, { favourites: [{ entityId: 'light.kitchen' }] });
  const instance = normaliseInstanceUrl(sim.url);
  if (!instance.ok) throw new Error(instance.error);
  const home = onlyInstance(app);
  await home.vault.save(sim.token);
  home.settings.setOrigin(instance.value.origin);
  home.setup.connectIfReady();
  await snapshotIn(home.entities);
  // A settings page that lists every entity is open, so the whole home is subscribed to: the
  // panel must still get only its favourites.
  await app.table.handle(requestChannel('setEntityListOpen'), PAGE, [true]);
  await waitFor(() => home.store.size === sim.states().length, 'every entity subscribed');
});

afterEach(async () => {
  await app.dispose();
  await sim.close();
  rmSync(dir, { recursive: true, force: true });
});

it('sends the pages only the favourites, and only when a favourite changes', async () => {
  await waitFor(
    () =>
      sent.some((e) => e.channel === streamChannel({ stream: 'entityListChanged', instance: KEY })),
    'the list',
  );
  sent.length = 0;
  sim.setState('sensor.outside_temperature', '3.5');
  await waitFor(() => onlyInstance(app).store.get('sensor.outside_temperature')?.state === '3.5');
  sim.setState('light.kitchen', 'off');
  // Status and settings events go on as before, and the area lookup after connecting may still
  // send its own list and favourites events: what matters is what the pages are sent.
  const favouriteEvents = () => sent.filter((e) => e.channel.includes('favouriteEntities'));
  await waitFor(
    () =>
      favouriteEvents().some((e) =>
        (e.payload as EntityView[]).some(
          (v) => v.entity_id === 'light.kitchen' && v.state === 'off',
        ),
      ),
    'the favourite change',
  );
  expect(JSON.stringify(sent)).not.toContain('sensor.outside_temperature');
  expect(favouriteEvents().at(-1)).toEqual({
    channel: `ha-tray:event:favouriteEntities@${KEY}`,
    payload: [expect.objectContaining({ entity_id: 'light.kitchen', state: 'off' })],
  });
});

it('answers the panel with the favourites and the settings pages with every entity', async () => {
  const ask = async (name: string) =>
    (await app.table.handle(requestChannel(name), PAGE, [KEY])) as IpcResult<EntityView[]>;
  const favourites = await ask('getFavouriteEntities');
  const all = await ask('listEntities');
  expect(favourites.ok && favourites.value.map((v) => v.entity_id)).toEqual(['light.kitchen']);
  expect(all.ok && all.value).toHaveLength(sim.states().length);
});
