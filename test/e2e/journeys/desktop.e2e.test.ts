import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type HaSimulator } from '../../ha-sim';
import { chromiumPath } from '../chromium';
import { E2eHarness, screenshotPath } from '../harness';

const browser = chromiumPath();
let sim: HaSimulator;
let harness: E2eHarness;

describe.skipIf(!browser)(
  `desktop integration in Chromium${browser ? '' : ' (skipped: no Chromium; apt-get install chromium or set CHROMIUM_PATH)'}`,
  () => {
    beforeAll(async () => {
      sim = await startSimulator({ locationName: 'Home' });
      harness = await E2eHarness.start({ chromiumPath: browser! });
      await harness.connectTo(sim.url, sim.token);
    }, 120_000);
    afterAll(async () => {
      await harness?.close();
      await sim?.close();
    });

    it('General: start at login, a recorded shortcut, and a sensor in the tray', async () => {
      const page = await harness.open('settings', { hash: '/general' });
      const login = page.getByRole('switch', { name: 'Start HA Tray when I log in' });
      await login.click();
      await expect.poll(() => harness.desktop.loginItem.enabled).toBe(true);
      await expect.poll(() => login.isChecked()).toBe(true);

      const recorder = page.getByRole('button', { name: 'Open the panel from anywhere' });
      await recorder.click();
      await page.keyboard.press('Shift+KeyK');
      await expect.poll(() => page.getByRole('alert').textContent()).toContain('Add Ctrl');
      await recorder.click();
      await page.keyboard.press('Control+Alt+KeyK');
      await expect
        .poll(() => [...harness.desktop.shortcuts.held.keys()])
        .toEqual(['CommandOrControl+Alt+K']);
      expect(harness.services.settings.get().ui.globalShortcut).toBe('CommandOrControl+Alt+K');
      await expect.poll(() => recorder.textContent()).toBe('Ctrl+Alt+K');

      await page.getByLabel('Sensor in the tray').selectOption('sensor.outside_temperature');
      await expect.poll(() => harness.trayTitle).toBe('8.3 °C');
      const sensor = sim.getState('sensor.outside_temperature')!;
      sim.setState('sensor.outside_temperature', '9.1', sensor.attributes);
      await expect.poll(() => harness.trayTitle).toBe('9.1 °C');
      expect(harness.trayToolTip).toBe('Outside temperature: 9.1 °C\nHA Tray – Home: Connected');
    });

    it('About: versions, history and diagnostics without the token, in light and dark', async () => {
      for (const colorScheme of ['light', 'dark'] as const) {
        const page = await harness.open('settings', {
          hash: '/about',
          colorScheme,
          size: { width: 760, height: 900 },
        });
        await expect
          .poll(() => page.getByRole('list', { name: /Connection history/ }).textContent())
          .toContain('Connected to Home Assistant');
        await page.getByRole('button', { name: 'Copy diagnostics' }).click();
        await expect.poll(() => page.getByRole('status').textContent()).toContain('Copied');
        const path = screenshotPath(`settings-about-${colorScheme}`);
        if (path) await page.screenshot({ path });
      }
      const copied = harness.desktop.copied.at(-1)!;
      expect(copied).toContain('Address: [address]');
      expect(copied).not.toContain(sim.token);
      expect(copied).not.toContain(new URL(sim.url).host);
      expect(harness.logLines.filter((l) => l.startsWith('PAGE ERROR'))).toEqual([]);
    });
  },
);
