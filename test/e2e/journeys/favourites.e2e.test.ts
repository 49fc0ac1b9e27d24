import { expect, it } from 'vitest';
import { waitFor } from '../../support/wait-for';
import { describeJourney, journeyApp } from '../journey';

describeJourney('favourites', (peer, browser) => {
  // Already connected, as after the first-run journey.
  const app = journeyApp(peer, browser);

  it('add three in the editor and reorder: the tray shows them in that order; the panel toggles one', async () => {
    const settings = await app.harness.open('settings', { hash: '/favourites' });
    const search = settings.getByLabel('Search entities');
    const toAdd: Array<[query: string, name: string]> = [
      ['kitchen lights', 'Kitchen lights'],
      ['front door lock', 'Front door'],
      ['living room temperature', 'Living room temperature'],
    ];
    for (const [query, name] of toAdd) {
      await search.fill(query);
      await settings.getByRole('button', { name: `Add ${name}`, exact: true }).click();
      await expect.poll(() => settings.getByLabel(`Label for ${name}`).count()).toBe(1);
    }
    await settings.getByRole('button', { name: 'Move Living room temperature up' }).click();
    await expect
      .poll(() => app.harness.home.settings.entry().favourites.map((f) => f.entityId))
      .toEqual(['light.kitchen', 'sensor.living_room_temperature', 'lock.front_door']);
    await search.fill('');
    const editorShot = peer.screenshot('favourites-editor');
    if (editorShot) await settings.screenshot({ path: editorShot });

    await expect
      .poll(() => app.harness.trayFavourites())
      .toEqual([
        '☑ Kitchen lights',
        'Living room temperature – 21.5 °C',
        'Front door – Locked  (Unlock…)',
      ]);

    const panel = await app.harness.open('panel', { size: { width: 360, height: 520 } });
    // The switch's input is visually hidden; a pointer user clicks the switch drawn in its label.
    const toggle = panel.getByRole('switch', { name: 'Kitchen lights', checked: true });
    await panel.locator('label', { has: toggle }).click();
    await waitFor(
      () => app.sim.getState('light.kitchen')?.state === 'off',
      'the simulator turned the light off',
    );
    await expect.poll(() => app.harness.trayFavourites()[0]).toBe('☐ Kitchen lights');
    await expect
      .poll(() => panel.getByRole('switch', { name: 'Kitchen lights' }).isChecked())
      .toBe(false);

    app.sim.setState(
      'sensor.living_room_temperature',
      '22.0',
      app.sim.getState('sensor.living_room_temperature')!.attributes,
    );
    await expect
      .poll(() => app.harness.trayFavourites()[1])
      .toBe('Living room temperature – 22.0 °C');
    await expect.poll(() => panel.getByText('22.0 °C').count()).toBe(1);

    for (const scheme of ['light', 'dark'] as const) {
      const path = peer.screenshot(`panel-${scheme}`);
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
        .toBe(1);
      await shot.screenshot({ path });
    }
    expect(app.harness.logLines.filter((l) => l.startsWith('PAGE ERROR'))).toEqual([]);
  });
});
