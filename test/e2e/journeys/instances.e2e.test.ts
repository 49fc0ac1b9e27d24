import { afterAll, expect, it } from 'vitest';
import { startSimulator, type HaSimulator } from '../../ha-sim';
import { waitFor } from '../../support/wait-for';
import { describeJourney, journeyApp } from '../journey';

describeJourney('a second Home Assistant', (peer, browser) => {
  // Connected to "Home", as after the first-run journey.
  const app = journeyApp(peer, browser);
  let cabin: HaSimulator | undefined;
  afterAll(async () => {
    await cabin?.close();
  });

  it('add the cabin beside the home, favour a light of each, and toggle each in the grouped panel', async () => {
    cabin = await startSimulator({ locationName: 'Cabin', haVersion: peer.haVersion });
    const settings = await app.harness.open('settings', { hash: '/connection' });
    await settings.getByRole('button', { name: 'Add a Home Assistant' }).click();
    // The new instance's Connection page: the first run's, with the token path a click away.
    await settings.getByRole('button', { name: 'Use a token instead' }).click();
    await settings.getByLabel('Home Assistant address').fill(cabin.url);
    await settings.getByLabel('Long-lived access token').fill(cabin.token);
    await settings.getByRole('button', { name: 'Test connection' }).click();
    await expect.poll(() => settings.getByText('It works.').isVisible()).toBe(true);
    await settings.getByRole('button', { name: 'Save' }).click();
    const [home, second] = app.harness.services.instances.list();
    await waitFor(
      () => second?.supervisor.getStatus().state === 'connected',
      'the cabin connected',
    );
    const list = settings.getByRole('list', { name: 'Home Assistants' });
    await expect.poll(() => list.getByRole('listitem').count()).toBe(2);
    await expect.poll(() => list.textContent()).toMatch(/Home.*Connected.*Cabin.*Connected/s);
    for (const scheme of ['light', 'dark'] as const) {
      const path = peer.screenshot(`settings-instances-${scheme}`);
      if (!path) continue;
      // The home's page, opened afresh: with several, the list of them leads it.
      const shot = await app.harness.open('settings', { hash: '/connection', colorScheme: scheme });
      await expect
        .poll(() => shot.getByRole('list', { name: 'Home Assistants' }).textContent())
        .toMatch(/Cabin.*Connected/s);
      await shot.screenshot({ path });
    }

    const favourites = await app.harness.open('settings', { hash: '/favourites' });
    const search = favourites.getByLabel('Search entities');
    await search.fill('kitchen lights');
    for (const where of ['Home', 'Cabin']) {
      await favourites.getByRole('button', { name: `Add Kitchen lights (${where})` }).click();
      await expect
        .poll(() =>
          favourites.getByRole('button', { name: `Add Kitchen lights (${where})` }).count(),
        )
        .toBe(0);
    }
    await expect
      .poll(() => [home, second].map((i) => i!.settings.entry().favourites.map((f) => f.entityId)))
      .toEqual([['light.kitchen'], ['light.kitchen']]);
    await expect
      .poll(() => app.harness.trayFavourites())
      .toEqual(['☑ Kitchen lights', '☑ Kitchen lights']);

    const panel = await app.harness.open('panel', { size: { width: 360, height: 520 } });
    const group = (name: string) => panel.getByRole('list', { name: new RegExp(`^${name}`) });
    await expect.poll(() => group('Cabin').getByRole('switch').count()).toBe(1);
    // The cabin's light goes off; the home's stays on.
    const kitchen = panel.getByRole('switch', { name: 'Kitchen lights' });
    const cabinSwitch = group('Cabin').getByRole('switch', { name: 'Kitchen lights' });
    // The switch's input is visually hidden; a pointer user clicks the switch drawn in its label.
    await group('Cabin').locator('label', { has: kitchen }).click();
    await waitFor(() => cabin!.getState('light.kitchen')?.state === 'off', 'the cabin light off');
    expect(app.sim.getState('light.kitchen')?.state).toBe('on');
    await expect.poll(() => cabinSwitch.isChecked()).toBe(false);
    // And the home's, in its own group.
    const homeSwitch = group('Home').getByRole('switch', { name: 'Kitchen lights' });
    await group('Home').locator('label', { has: kitchen }).click();
    await waitFor(() => app.sim.getState('light.kitchen')?.state === 'off', 'the home light off');
    expect(cabin.getState('light.kitchen')?.state).toBe('off');
    await expect.poll(() => homeSwitch.isChecked()).toBe(false);
    await expect
      .poll(() => app.harness.trayFavourites())
      .toEqual(['☐ Kitchen lights', '☐ Kitchen lights']);

    for (const scheme of ['light', 'dark'] as const) {
      const path = peer.screenshot(`panel-instances-${scheme}`);
      if (!path) continue;
      const shot =
        scheme === 'light'
          ? panel
          : await app.harness.open('panel', {
              size: { width: 360, height: 520 },
              colorScheme: 'dark',
            });
      await expect
        .poll(() => shot.getByRole('switch', { name: 'Kitchen lights', checked: false }).count())
        .toBe(2);
      await shot.screenshot({ path });
    }
    expect(app.harness.logLines.filter((l) => l.startsWith('PAGE ERROR'))).toEqual([]);
  });
});
