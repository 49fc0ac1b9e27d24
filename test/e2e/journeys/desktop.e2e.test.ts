import { expect, it } from 'vitest';
import { describeJourney, journeyApp } from '../journey';

describeJourney(
  'desktop integration',
  (peer, browser) => {
    const app = journeyApp(peer, browser);

    it('General: start at login, a recorded shortcut, and a sensor in the tray', async () => {
      const page = await app.harness.open('settings', { hash: '/general' });
      const login = page.getByRole('switch', { name: 'Start HA Tray when I log in' });
      await login.click();
      await expect.poll(() => app.harness.desktop.loginItem.enabled).toBe(true);
      await expect.poll(() => login.isChecked()).toBe(true);

      const recorder = page
        .getByRole('group', { name: 'Open the panel from anywhere' })
        .getByRole('button')
        .first();
      await recorder.click();
      await page.keyboard.press('Shift+KeyK');
      await expect.poll(() => page.getByRole('alert').textContent()).toContain('Add Ctrl');
      await recorder.click();
      await page.keyboard.press('Control+Alt+KeyK');
      await expect
        .poll(() => [...app.harness.desktop.shortcuts.held.keys()])
        .toEqual(['CommandOrControl+Alt+K']);
      expect(app.harness.services.settings.get().ui.globalShortcut).toBe('CommandOrControl+Alt+K');
      await expect.poll(() => recorder.textContent()).toBe('Ctrl+Alt+K');

      await page.getByLabel('Sensor in the tray').selectOption('first sensor.outside_temperature');
      await expect.poll(() => app.harness.trayTitle).toBe('8.3 °C');
      const sensor = app.sim.getState('sensor.outside_temperature')!;
      app.sim.setState('sensor.outside_temperature', '9.1', sensor.attributes);
      await expect.poll(() => app.harness.trayTitle).toBe('9.1 °C');
      expect(app.harness.trayToolTip).toBe(
        'Outside temperature: 9.1 °C\nHA Tray – Home: Connected',
      );
    });

    it('About: versions, history and diagnostics without the token, in light and dark', async () => {
      for (const colorScheme of ['light', 'dark'] as const) {
        const page = await app.harness.open('settings', {
          hash: '/about',
          colorScheme,
          size: { width: 760, height: 900 },
        });
        await expect
          .poll(() => page.getByRole('list', { name: /Connection history/ }).textContent())
          .toContain('Connected to Home Assistant');
        await page.getByRole('button', { name: 'Copy diagnostics' }).click();
        await expect.poll(() => page.getByRole('status').textContent()).toContain('Copied');
        const path = peer.screenshot(`settings-about-${colorScheme}`);
        if (path) await page.screenshot({ path });
      }
      const copied = app.harness.desktop.copied.at(-1)!;
      expect(copied).toContain('Address: [address]');
      expect(copied).not.toContain(app.sim.token);
      expect(copied).not.toContain(new URL(app.sim.url).host);
      expect(app.harness.logLines.filter((l) => l.startsWith('PAGE ERROR'))).toEqual([]);
    });
  },
  { generations: ['2024.1'] },
);
