import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeJourney, journeyApp } from '../journey';
import { focusedName } from '../keyboard';
import { waitFor } from '../../support/wait-for';

/** Twelve favourites of every kind of control: more than the 520 px panel shows at once. */
const TWELVE = [
  'light.living_room_ceiling',
  'light.living_room_lamp',
  'light.kitchen',
  'light.bedroom',
  'light.hallway',
  'light.desk_lamp',
  'switch.coffee_machine',
  'switch.tv_socket',
  'fan.bedroom_fan',
  'cover.living_room_blinds',
  'climate.living_room',
  'lock.front_door',
].map((entityId) => ({ entityId }));

const PANEL = { width: 360, height: 520 } as const;
/** The page as it should stay: no taller than the window, not scrolled, the header at the top. */
const IN_PLACE = { documentHeight: PANEL.height, documentScrolled: 0, headerTop: 0 };

// In-page expressions are strings: the node test project has no DOM types.

/** How tall the panel document is, how far it is scrolled, and where the header is. */
const pageGeometry = (page: Page) =>
  page.evaluate(`({
    documentHeight: document.documentElement.scrollHeight,
    documentScrolled: document.scrollingElement.scrollTop,
    headerTop: Math.round(document.querySelector('.panel-header').getBoundingClientRect().top),
  })`);

const listScroll = (page: Page) =>
  page.evaluate<{ top: number; max: number }>(`(() => {
    const list = document.querySelector('.panel-main');
    return { top: list.scrollTop, max: list.scrollHeight - list.clientHeight };
  })()`);

/** The middle of an element, for the mouse. */
async function centreOf(page: Page, selector: string): Promise<{ x: number; y: number }> {
  const box = (await page.locator(selector).first().boundingBox())!;
  return { x: box.x + box.width / 2, y: box.y + Math.min(box.height / 2, 40) };
}

/**
 * Wheels up over the list until it moves: wheel events are handled in order, so once the list
 * answers this one, every wheel before it has been handled too.
 */
async function settleWheels(page: Page): Promise<void> {
  const before = (await listScroll(page)).top;
  const { x, y } = await centreOf(page, '.panel-main');
  await page.mouse.move(x, y);
  await page.mouse.wheel(0, -40);
  await expect.poll(async () => (await listScroll(page)).top).toBeLessThan(before);
}

/** How many rows the list shows whole, and every shown name that takes more than one line. */
const rowFit = (page: Page) =>
  page.evaluate<{ whole: number; wrapped: string[]; untitled: string[] }>(`(() => {
    const box = document.querySelector('.panel-main').getBoundingClientRect();
    const rows = [...document.querySelectorAll('li.favourite')];
    const whole = rows.filter((row) => {
      const r = row.getBoundingClientRect();
      return r.top >= box.top - 1 && r.bottom <= box.bottom + 1;
    });
    const names = rows.map((row) => row.querySelector('.favourite-name'));
    return {
      whole: whole.length,
      wrapped: names
        .filter((n) => n.getBoundingClientRect().height > parseFloat(getComputedStyle(n).lineHeight) * 1.5)
        .map((n) => n.textContent),
      untitled: names.filter((n) => n.title !== n.textContent).map((n) => n.textContent),
    };
  })()`);

/** A long wheel down at `point`, then every wheel handled (see settleWheels). */
async function wheelDownAt(page: Page, point: { x: number; y: number }): Promise<void> {
  await page.mouse.move(point.x, point.y);
  await page.mouse.wheel(0, 4000);
  await settleWheels(page);
}

describeJourney(
  'the panel',
  (peer, browser) => {
    const app = journeyApp(peer, browser, {
      ready: ({ harness }) => harness.home.settings.update({ favourites: TWELVE }),
    });

    it('with 12 favourites only the list scrolls: a wheel past its end, over the header or with the Unlock question open leaves the header in place', async () => {
      const panel = await app.harness.open('panel', { size: PANEL });
      await panel.getByRole('switch', { name: 'Kitchen lights', checked: true }).waitFor();
      expect(await pageGeometry(panel)).toEqual(IN_PLACE);

      // Over the list, to its end and past it.
      const list = await centreOf(panel, '.panel-main');
      await panel.mouse.move(list.x, list.y);
      await panel.mouse.wheel(0, 4000);
      await expect
        .poll(async () => {
          const { top, max } = await listScroll(panel);
          return max > 0 && top >= max - 1;
        })
        .toBe(true);
      await panel.mouse.wheel(0, 4000);
      // Over the header.
      await wheelDownAt(panel, await centreOf(panel, '.panel-header'));
      expect(await pageGeometry(panel)).toEqual(IN_PLACE);

      // The Unlock question at the end of the list takes focus, and the page stays put.
      await panel.getByRole('button', { name: 'Unlock…' }).click();
      await expect.poll(() => focusedName(panel)).toBe('Cancel');
      await wheelDownAt(panel, list);
      expect(await pageGeometry(panel)).toEqual(IN_PLACE);
      await panel.close();
    }, 180_000);

    it('with 12 favourites at least 10 rows fit, each name on one line, and a filter box narrows them', async () => {
      const panel = await app.harness.open('panel', { size: PANEL });
      await panel.getByRole('switch', { name: 'Kitchen lights', checked: true }).waitFor();
      const filter = panel.getByRole('searchbox', { name: 'Filter favourites' });
      await filter.waitFor();
      const shot = peer.screenshot('panel-many-favourites');
      if (shot) await panel.screenshot({ path: shot });
      const fit = await rowFit(panel);
      expect(fit.whole).toBeGreaterThanOrEqual(10);
      expect(fit.wrapped).toEqual([]);
      expect(fit.untitled).toEqual([]);
      // A slider says its unit.
      expect(
        await panel
          .getByRole('slider', { name: 'Kitchen lights brightness' })
          .getAttribute('aria-valuetext'),
      ).toMatch(/^\d+%$/);

      await filter.fill('lamp');
      await expect
        .poll(() => panel.locator('li.favourite .favourite-name').allTextContents())
        .toEqual(['Reading lamp', 'Desk lamp']);
      // Escape clears the filter first, and only then closes the panel.
      await filter.focus();
      await panel.keyboard.press('Escape');
      await expect.poll(() => panel.locator('li.favourite').count()).toBe(TWELVE.length);
      expect(app.harness.windowRequests).not.toContain('hide-panel');
      await panel.keyboard.press('Escape');
      await expect.poll(() => app.harness.windowRequests).toContain('hide-panel');
      await panel.close();
    }, 180_000);

    it('a toggle shows that it is on its way at once, before Home Assistant has answered', async () => {
      const panel = await app.harness.open('panel', { size: PANEL });
      const toggle = panel.getByRole('switch', { name: 'Coffee machine' });
      await panel.getByRole('switch', { name: 'Coffee machine', checked: false }).waitFor();
      const drawn = panel.locator('label.switch-control', { has: toggle });
      app.sim.holdServiceCalls();
      try {
        await drawn.click();
        await waitFor(() => app.sim.heldServiceCalls === 1, 'the call reaching Home Assistant');
        // Held: Home Assistant has neither changed the state nor answered, yet the knob is on the
        // asked side and the switch says it is waiting.
        await expect.poll(() => drawn.locator('.switch').getAttribute('data-on')).toBe('true');
        expect(await drawn.getAttribute('class')).toContain('pending');
        expect(await toggle.isChecked()).toBe(false);
        expect(await panel.getByText('Waiting for Home Assistant…').count()).toBe(1);
        expect(app.sim.getState('switch.coffee_machine')!.state).toBe('off');
      } finally {
        app.sim.releaseServiceCalls();
      }
      await panel.getByRole('switch', { name: 'Coffee machine', checked: true }).waitFor();
      await expect.poll(() => drawn.getAttribute('class')).not.toContain('pending');
      await panel.close();
    }, 180_000);

    it('an action Home Assistant does not answer ends with its reason under the row', async () => {
      const panel = await app.harness.open('panel', { size: PANEL });
      const toggle = panel.getByRole('switch', { name: 'TV socket', checked: true });
      await toggle.waitFor();
      app.sim.holdServiceCalls();
      try {
        await panel.locator('label.switch-control', { has: toggle }).click();
        await panel.getByRole('alert').waitFor({ timeout: 15_000 });
        expect(await panel.getByRole('alert').textContent()).toMatch(/did not answer/);
        const shot = peer.screenshot('panel-action-error');
        if (shot) await panel.screenshot({ path: shot });
      } finally {
        app.sim.releaseServiceCalls();
      }
      await panel.close();
    }, 180_000);

    it('keyboard: the arrows move between rows from a switch; Enter on a switch toggles it', async () => {
      const panel = await app.harness.open('panel', { size: PANEL });
      const hallway = panel.getByRole('switch', { name: 'Hallway light', checked: false });
      await hallway.waitFor();
      await hallway.focus();
      await panel.keyboard.press('ArrowDown');
      expect(await focusedName(panel)).toBe('Desk lamp: Off');
      await panel.keyboard.press('ArrowUp');
      expect(await focusedName(panel)).toBe('Hallway light: Off');
      await hallway.focus();
      await panel.keyboard.press('Enter');
      await waitFor(() => app.sim.getState('light.hallway')?.state === 'on', 'the light to go on');
      await panel.getByRole('switch', { name: 'Hallway light', checked: true }).waitFor();
      await panel.close();
    }, 180_000);

    it('an unavailable favourite keeps its control, disabled with the reason; a removed one is a whole row that offers to remove it', async () => {
      app.harness.home.settings.update({
        favourites: [
          { entityId: 'light.garage' },
          { entityId: 'switch.old_heater', label: 'Old heater' },
          { entityId: 'light.kitchen' },
        ],
      });
      const panel = await app.harness.open('panel', { size: PANEL });
      const garage = panel.getByRole('switch', { name: 'Garage light' });
      await garage.waitFor();
      expect(await garage.isDisabled()).toBe(true);
      const describedBy = await garage.getAttribute('aria-describedby');
      expect(await panel.locator(`[id="${describedBy}"]`).textContent()).toBe('Unavailable');

      const missing = panel.getByRole('listitem', { name: /^Old heater:/ });
      expect(await missing.getAttribute('aria-label')).toBe(
        'Old heater: Not found in Home Assistant',
      );
      // Laid out as every row: the name in the text column, right of the icon.
      const icon = (await missing.locator('.entity-icon').boundingBox())!;
      const name = (await missing.locator('.favourite-name').boundingBox())!;
      expect(name.x).toBeGreaterThanOrEqual(icon.x + icon.width);
      expect(await missing.locator('.favourite-state').textContent()).toBe(
        'Not found in Home Assistant (switch.old_heater)',
      );
      await missing.getByRole('button', { name: 'Remove Old heater from favourites' }).click();
      await expect
        .poll(() => app.harness.home.settings.entry().favourites.map((f) => f.entityId))
        .toEqual(['light.garage', 'light.kitchen']);
      await expect.poll(() => panel.getByRole('listitem').count()).toBe(2);
      await panel.close();
    }, 180_000);
  },
  { generations: ['2024.1'] },
);
