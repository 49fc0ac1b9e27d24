import { expect, it } from 'vitest';
import { waitFor } from '../../support/wait-for';
import { describeJourney, journeyApp } from '../journey';
import { focusedName, tabTo } from '../keyboard';

describeJourney(
  'keyboard only, from an empty panel to a connected one',
  (peer, browser) => {
    const app = journeyApp(peer, browser, { connect: false });

    it('first run: the panel starts on "Connect to Home Assistant", the token page says it needs a connection, the connection page connects', async () => {
      const empty = await app.harness.open('panel', { size: { width: 360, height: 520 } });
      await expect.poll(() => focusedName(empty)).toBe('Connect to Home Assistant');
      for (const scheme of ['light', 'dark'] as const) {
        const path = peer.screenshot(`panel-first-run-${scheme}`);
        if (!path) continue;
        const tab =
          scheme === 'light'
            ? empty
            : await app.harness.open('panel', {
                size: { width: 360, height: 520 },
                colorScheme: scheme,
              });
        await tab.getByRole('button', { name: 'Connect to Home Assistant' }).waitFor();
        await tab.screenshot({ path });
      }
      await empty.keyboard.press('Enter');
      expect(app.harness.windowRequests).toContain('settings:connection');

      const settings = await app.harness.open('settings', { hash: '/token' });
      await expect
        .poll(() => settings.getByRole('status').first().textContent())
        .toContain('need a connection to Home Assistant');
      expect(await settings.getByRole('alert').count()).toBe(0);
      const tokenShot = peer.screenshot('settings-token-not-connected');
      if (tokenShot) await settings.screenshot({ path: tokenShot });
      await tabTo(settings, 'set up the connection');
      await settings.keyboard.press('Enter');
      await settings.getByRole('heading', { name: 'Connection' }).waitFor();

      await tabTo(settings, 'Home Assistant address');
      await settings.keyboard.type(app.sim.url);
      // On a first run the pasted token waits behind a disclosure, under the browser sign-in.
      await tabTo(settings, 'Use a token instead');
      await settings.keyboard.press('Enter');
      await tabTo(settings, 'Long-lived access token');
      await settings.keyboard.type(app.sim.token);
      await tabTo(settings, 'Test connection');
      await settings.keyboard.press('Enter');
      await settings.getByText('It works.').waitFor();
      await tabTo(settings, 'Save');
      await settings.keyboard.press('Enter');
      await waitFor(() => app.harness.home.store.size === app.sim.states().length, 'entities');
    }, 180_000);

    it('favourites: the editor and the panel, every step by keyboard', async () => {
      const settings = await app.harness.open('settings', { hash: '/connection' });
      await settings.getByRole('heading', { name: 'Connection' }).waitFor();
      await tabTo(settings, 'Favourites');
      await settings.keyboard.press('Enter');
      await settings.getByRole('heading', { name: 'Favourites', exact: true }).waitFor();
      for (const [query, name] of [
        ['kitchen lights', 'Kitchen lights'],
        ['front door lock', 'Front door'],
      ] as const) {
        await tabTo(settings, 'Search entities');
        await settings.keyboard.press('Control+A');
        await settings.keyboard.type(query);
        await tabTo(settings, `Add ${name}`);
        await settings.keyboard.press('Enter');
        await expect.poll(() => settings.getByLabel(`Label for ${name}`).count()).toBe(1);
      }
      await expect
        .poll(() => app.harness.home.settings.entry().favourites.map((f) => f.entityId))
        .toEqual(['light.kitchen', 'lock.front_door']);

      const panel = await app.harness.open('panel', { size: { width: 360, height: 520 } });
      // Opens on the first favourite; arrows move between rows.
      await expect.poll(() => focusedName(panel)).toBe('Kitchen lights: On');
      const focusShot = peer.screenshot('panel-keyboard-focus');
      if (focusShot) await panel.screenshot({ path: focusShot });
      await panel.keyboard.press('ArrowDown');
      expect(await focusedName(panel)).toBe('Front door: Locked');
      await panel.keyboard.press('ArrowUp');
      expect(await focusedName(panel)).toBe('Kitchen lights: On');

      // Into the row: the slider keeps its arrow keys, the switch toggles with Space.
      await tabTo(panel, 'Kitchen lights brightness');
      await panel.keyboard.press('ArrowUp');
      expect(await focusedName(panel)).toBe('Kitchen lights brightness');
      await tabTo(panel, 'Kitchen lights', { backwards: true });
      await panel.keyboard.press('Space');
      await waitFor(() => app.sim.getState('light.kitchen')?.state === 'off', 'the light went off');

      await panel.keyboard.press('Escape');
      expect(app.harness.windowRequests).toContain('hide-panel');
      expect(app.harness.logLines.filter((l) => l.startsWith('PAGE ERROR'))).toEqual([]);
    }, 180_000);

    it('token page: the revoke question takes focus, Escape cancels only it, and focus comes back', async () => {
      app.sim.createLongLivedToken(app.sim.owner.id, 'Old phone');
      const settings = await app.harness.open('settings', { hash: '/token' });
      await settings.getByRole('checkbox', { name: 'Select Old phone' }).waitFor();
      await tabTo(settings, 'Select Old phone', { limit: 40 });
      await settings.keyboard.press('Space');
      await tabTo(settings, 'Revoke selected…');
      await settings.keyboard.press('Enter');
      await expect.poll(() => focusedName(settings)).toBe('Cancel');
      await settings.keyboard.press('Escape');
      await expect.poll(() => settings.getByRole('alertdialog').count()).toBe(0);
      expect(await focusedName(settings)).toBe('Revoke selected…');

      await settings.keyboard.press('Enter');
      await tabTo(settings, 'Revoke');
      await settings.keyboard.press('Enter');
      // The emptied selection disables the button that asked: focus goes to what happened.
      await expect.poll(() => focusedName(settings)).toBe('1 revoked.');
      await expect
        .poll(() => settings.getByRole('checkbox', { name: 'Select Old phone' }).count())
        .toBe(0);
      expect(app.harness.logLines.filter((l) => l.startsWith('PAGE ERROR'))).toEqual([]);
    }, 180_000);
  },
  { generations: ['2024.1'] },
);
