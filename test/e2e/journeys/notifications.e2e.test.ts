import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeJourney, journeyApp } from '../journey';
import { nextSnapshot } from '../../support/supervised-store';

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
    await expect.poll(() => app.harness.home.settings.entry().rules.length).toBe(1);

    const door = app.sim.getState('binary_sensor.front_door')!;
    app.sim.setState('binary_sensor.front_door', 'on', door.attributes);
    await expect.poll(() => app.harness.notifications.length).toBe(1);
    app.sim.setState('light.kitchen', 'off', app.sim.getState('light.kitchen')!.attributes);
    const snapshot = nextSnapshot(app.harness.home.entities);
    await app.sim.restart({ downMs: 1 });
    await snapshot;
    expect(app.harness.notifications).toEqual([
      { title: 'Front door opened', body: expect.stringContaining('Previously closed') },
    ]);
  });

  it('every settings page renders in light and dark without errors', async () => {
    await app.harness.home.settings.update({
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

describeJourney(
  'the rule editor and quiet hours as a person sees them',
  (peer, browser) => {
    const app = journeyApp(peer, browser);

    async function editor(entityId: string, width = 760): Promise<Page> {
      const page = await app.harness.open('settings', {
        hash: '/notifications',
        size: { width, height: 900 },
      });
      await page.getByRole('button', { name: 'Add a rule' }).click();
      await page.getByLabel('Entity').fill(entityId);
      return page;
    }

    /** The top of each control, to see that a row lines them up. */
    const tops = (page: Page, labels: string[]) =>
      Promise.all(labels.map(async (label) => (await page.getByLabel(label).boundingBox())!.y));

    it('says the door is closed, offers Open, previews and lists it in the same words', async () => {
      const page = await editor('binary_sensor.front_door');
      await page.getByText('Front door is closed now').waitFor();
      const states = page.getByRole('group', { name: 'States' });
      await states.getByRole('checkbox', { name: 'Closed' }).waitFor();
      await states.getByRole('checkbox', { name: 'Open' }).check();
      await expect
        .poll(() => page.getByLabel('Preview').textContent())
        .toContain('Front door opened');
      await page.getByRole('button', { name: 'Save rule' }).click();
      await page.getByRole('checkbox', { name: 'When it becomes open' }).waitFor();
      expect(app.harness.home.settings.entry().rules).toEqual([
        expect.objectContaining({ kind: 'becomes', states: ['on'] }),
      ]);
      await page.close();
    });

    it('offers a thermostat a rule on its current temperature, with a hysteresis', async () => {
      const page = await editor('climate.living_room');
      await page.getByLabel('Notify when').selectOption('threshold');
      const watched = page.getByLabel('Value to watch');
      await expect.poll(() => watched.inputValue()).toBe('current_temperature');
      expect(await watched.locator('option:checked').textContent()).toMatch(
        /^Current temperature \([\d.]+ °C\)$/,
      );
      await page.getByLabel('Value (°C)').fill('30');
      await page.getByLabel('Hysteresis (°C)').fill('-1');
      await page.getByText('The hysteresis cannot be negative').waitFor();
      await page.getByLabel('Hysteresis (°C)').fill('0.5');
      await expect
        .poll(() => page.getByLabel('Preview').textContent())
        .toContain('current temperature is');
      await page.close();
    });

    it('lines up the controls of a row however its labels wrap, and labels "above or below"', async () => {
      const page = await editor('sensor.outside_temperature');
      const [hold, cooldown] = await tops(page, [
        'Only if it stays so for (seconds, optional)',
        'Then stay quiet for (seconds)',
      ]);
      expect(hold).toBe(cooldown);
      await page.getByLabel('Notify when').selectOption('threshold');
      expect(await page.locator('label', { hasText: /^Goes$/ }).isVisible()).toBe(true);
      // Two fields a row: what to watch and which way, then the value and the hysteresis.
      const [watched, goes] = await tops(page, ['Value to watch', 'Goes']);
      expect(goes).toBe(watched);
      const [value, hysteresis] = await tops(page, ['Value (°C)', 'Hysteresis (°C)']);
      expect(hysteresis).toBe(value);
      await page.close();
    });

    // Chromium keeps a time field out of :focus-visible when Shift+Tab enters it from behind (at
    // its end, past AM/PM), so the field the keyboard is in showed no ring.
    it('draws a focus ring on a quiet-hours time entered from behind with Shift+Tab', async () => {
      for (const colorScheme of ['light', 'dark'] as const) {
        const page = await app.harness.open('settings', { hash: '/notifications', colorScheme });
        const until = page.getByLabel('Quiet until');
        await until.waitFor();
        await page.getByRole('checkbox', { name: /Tell me when the connection/ }).focus();
        await page.keyboard.press('Shift+Tab');
        const ring = (await page.evaluate(
          `(${FOCUS_RING})(document.querySelector('input[aria-label="Quiet until"]'))`,
        )) as Record<string, string | boolean>;
        expect(ring.focused).toBe(true);
        expect(ring.style).toBe('solid');
        expect(ring.width).toBe('2px');
        expect(ring.colour).toBe(ring.focus);
        await page.close();
      }
    });
  },
  { generations: ['2024.1'] },
);

/**
 * The element's outline, whether it has the focus, and the page's focus colour (--focus) as the
 * browser computes a colour; run in the page (a string: this file is typed without the DOM).
 */
const FOCUS_RING = `(element) => {
  const style = getComputedStyle(element);
  const probe = document.createElement('span');
  probe.style.color = getComputedStyle(document.documentElement).getPropertyValue('--focus');
  document.body.append(probe);
  const focus = getComputedStyle(probe).color;
  probe.remove();
  return {
    focused: document.activeElement === element,
    style: style.outlineStyle,
    width: style.outlineWidth,
    colour: style.outlineColor,
    focus,
  };
}`;
