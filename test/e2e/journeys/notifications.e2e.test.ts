import { afterAll, beforeAll, expect, it } from 'vitest';
import { startSimulator, type HaSimulator } from '../../ha-sim';
import { E2eHarness } from '../harness';
import { describeJourney } from '../journey';

describeJourney('notifications', (peer, browser) => {
  let sim: HaSimulator;
  let harness: E2eHarness;

  beforeAll(async () => {
    sim = await startSimulator({ locationName: 'Home', haVersion: peer.haVersion });
    harness = await E2eHarness.start({ chromiumPath: browser });
    await harness.connectTo(sim.url, sim.token);
  }, 120_000);
  afterAll(async () => {
    await harness?.close();
    await sim?.close();
  });

  it('a rule created in settings fires exactly once on a matching change', async () => {
    const page = await harness.open('settings', {
      hash: '/notifications',
      size: { width: 760, height: 900 },
    });
    await page.getByRole('button', { name: 'Add a rule' }).click();
    await page.getByLabel('Entity').fill('binary_sensor.front_door');
    await page.getByLabel('States (separated by commas)').fill('on');
    await expect
      .poll(() => page.getByLabel('Preview').textContent())
      .toContain('Front door opened');
    const editor = peer.screenshot('notifications-rule');
    if (editor) await page.screenshot({ path: editor });
    await page.getByRole('button', { name: 'Save rule' }).click();
    await expect.poll(() => harness.services.settings.get().notifications.rules.length).toBe(1);

    const door = sim.getState('binary_sensor.front_door')!;
    sim.setState('binary_sensor.front_door', 'on', door.attributes);
    await expect.poll(() => harness.notifications.length).toBe(1);
    sim.setState('light.kitchen', 'off', sim.getState('light.kitchen')!.attributes);
    await sim.restart({ downMs: 1 });
    await expect.poll(() => harness.services.supervisor.getStatus().state).toBe('connected');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(harness.notifications).toEqual([
      { title: 'Front door opened', body: expect.stringContaining('Previously closed') },
    ]);
  });

  it('every settings page renders in light and dark without errors', async () => {
    await harness.services.settings.update({
      favourites: [
        { entityId: 'light.kitchen' },
        { entityId: 'lock.front_door' },
        { entityId: 'sensor.outside_temperature' },
      ],
    });
    for (const page of ['connection', 'favourites', 'notifications', 'token', 'general'] as const) {
      for (const colorScheme of ['light', 'dark'] as const) {
        const tab = await harness.open('settings', {
          hash: `/${page}`,
          colorScheme,
          size: { width: 760, height: 900 },
        });
        const title = page.charAt(0).toUpperCase() + page.slice(1);
        await expect
          .poll(() => tab.getByRole('heading', { level: 1 }).first().textContent())
          .toBe(title);
        const path = peer.screenshot(`settings-${page}-${colorScheme}`);
        if (path) await tab.screenshot({ path });
      }
    }
    expect(harness.logLines.filter((l) => l.startsWith('PAGE ERROR'))).toEqual([]);
  });
});
