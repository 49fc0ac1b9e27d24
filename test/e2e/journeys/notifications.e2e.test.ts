import { expect, it } from 'vitest';
import { describeJourney, journeyApp } from '../journey';

describeJourney('notifications', (peer, browser) => {
  const app = journeyApp(peer, browser);

  it('a rule created in settings fires exactly once on a matching change', async () => {
    const page = await app.harness.open('settings', {
      hash: '/notifications',
      size: { width: 760, height: 900 },
    });
    await page.getByRole('button', { name: 'Add a rule' }).click();
    await page.getByLabel('Entity').fill('binary_sensor.front_door');
    await page
      .getByRole('group', { name: 'States' })
      .getByRole('checkbox', { name: 'Open' })
      .check();
    await expect
      .poll(() => page.getByLabel('Preview').textContent())
      .toContain('Front door opened');
    const editor = peer.screenshot('notifications-rule');
    if (editor) await page.screenshot({ path: editor });
    await page.getByRole('button', { name: 'Save rule' }).click();
    await expect.poll(() => app.harness.services.settings.get().notifications.rules.length).toBe(1);

    const door = app.sim.getState('binary_sensor.front_door')!;
    app.sim.setState('binary_sensor.front_door', 'on', door.attributes);
    await expect.poll(() => app.harness.notifications.length).toBe(1);
    app.sim.setState('light.kitchen', 'off', app.sim.getState('light.kitchen')!.attributes);
    await app.sim.restart({ downMs: 1 });
    await expect.poll(() => app.harness.services.supervisor.getStatus().state).toBe('connected');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(app.harness.notifications).toEqual([
      { title: 'Front door opened', body: expect.stringContaining('Previously closed') },
    ]);
  });

  it('every settings page renders in light and dark without errors', async () => {
    await app.harness.services.settings.update({
      favourites: [
        { entityId: 'light.kitchen' },
        { entityId: 'lock.front_door' },
        { entityId: 'sensor.outside_temperature' },
      ],
    });
    for (const page of ['connection', 'favourites', 'notifications', 'token', 'general'] as const) {
      for (const colorScheme of ['light', 'dark'] as const) {
        const tab = await app.harness.open('settings', {
          hash: `/${page}`,
          colorScheme,
          size: { width: 760, height: 900 },
        });
        const title = page.charAt(0).toUpperCase() + page.slice(1);
        await expect
          .poll(() => tab.getByRole('heading', { level: 1 }).first().textContent())
          .toBe(title);
        // What a page reads after its heading (the token audit, the entity list) is in too, so
        // the screenshot shows the page, not whichever "Loading…" the timing left.
        await expect.poll(() => tab.getByText(/^Loading/).count()).toBe(0);
        const path = peer.screenshot(`settings-${page}-${colorScheme}`);
        if (path) await tab.screenshot({ path });
      }
    }
    expect(app.harness.logLines.filter((l) => l.startsWith('PAGE ERROR'))).toEqual([]);
  });
});
