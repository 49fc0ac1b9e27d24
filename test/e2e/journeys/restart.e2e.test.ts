import { afterAll, beforeAll, expect, it } from 'vitest';
import { startSimulator, type HaSimulator } from '../../ha-sim';
import { E2eHarness } from '../harness';
import { describeJourney } from '../journey';

describeJourney('Home Assistant restarts', (peer, browser) => {
  let sim: HaSimulator;
  let harness: E2eHarness;

  beforeAll(async () => {
    sim = await startSimulator({ locationName: 'Home', haVersion: peer.haVersion });
    harness = await E2eHarness.start({ chromiumPath: browser });
    await harness.connectTo(sim.url, sim.token);
    await harness.services.settings.update({ favourites: [{ entityId: 'light.kitchen' }] });
  }, 120_000);
  afterAll(async () => {
    await harness?.close();
    await sim?.close();
  });

  it('the connection recovers without user action and shows what changed while it was down', async () => {
    const panel = await harness.open('panel', { size: { width: 360, height: 520 } });
    await expect
      .poll(() => panel.getByRole('switch', { name: 'Kitchen lights', checked: true }).count())
      .toBe(1);

    await sim.stop();
    await expect
      .poll(() => panel.getByRole('banner').getByRole('status').textContent())
      .toMatch(/Reconnecting|connection was lost/);
    sim.setState('light.kitchen', 'off', sim.getState('light.kitchen')!.attributes);
    await sim.start();

    await expect
      .poll(() => panel.getByRole('banner').getByRole('status').textContent(), { timeout: 15_000 })
      .toContain('Connected');
    await expect
      .poll(() => panel.getByRole('switch', { name: 'Kitchen lights', checked: false }).count(), {
        timeout: 10_000,
      })
      .toBe(1);
    await expect.poll(() => harness.trayFavourites()).toEqual(['☐ Kitchen lights']);
  });
});
