import { expect, it } from 'vitest';
import { describeJourney, journeyApp } from '../journey';

describeJourney('Home Assistant restarts', (peer, browser) => {
  const app = journeyApp(peer, browser, {
    ready: ({ harness }) =>
      harness.home.settings.update({ favourites: [{ entityId: 'light.kitchen' }] }),
  });

  it('the connection recovers without user action and shows what changed while it was down', async () => {
    const panel = await app.harness.open('panel', { size: { width: 360, height: 520 } });
    await expect
      .poll(() => panel.getByRole('switch', { name: 'Kitchen lights', checked: true }).count())
      .toBe(1);

    await app.sim.stop();
    await expect
      .poll(() => panel.getByRole('banner').getByRole('status').textContent())
      .toMatch(/Reconnecting|connection was lost/);
    app.sim.setState('light.kitchen', 'off', app.sim.getState('light.kitchen')!.attributes);
    await app.sim.start();

    await expect
      .poll(() => panel.getByRole('banner').getByRole('status').textContent(), { timeout: 15_000 })
      .toContain('Connected');
    await expect
      .poll(() => panel.getByRole('switch', { name: 'Kitchen lights', checked: false }).count(), {
        timeout: 10_000,
      })
      .toBe(1);
    await expect.poll(() => app.harness.trayFavourites()).toEqual(['☐ Kitchen lights']);
  });
});
