import type { Page } from 'playwright-core';
import { beforeEach, expect, it } from 'vitest';
import { axeViolations } from '../axe';
import { describeJourney, journeyApp } from '../journey';
import { doubleTextSize } from '../layout-check';
import { SETTINGS_PAGES } from '../../../src/shared/ipc/contract';

const SCHEMES = ['light', 'dark'] as const;
/** One of each kind of row the panel draws, including an unavailable one and a missing one. */
const FAVOURITES = [
  'light.kitchen',
  'switch.coffee_machine',
  'lock.front_door',
  'cover.living_room_blinds',
  'climate.living_room',
  'scene.movie_night',
  'sensor.living_room_temperature',
  'light.garage',
  'switch.removed_long_ago',
].map((entityId) => ({ entityId }));

/** Every serious or critical axe violation of each state, keyed by state; {} means all pass. */
let found: Record<string, string[]> = {};

/** Checks the page as it is, then closes it (a dozen open tabs slow the shared machine down). */
async function check(state: string, page: Page, close = true): Promise<void> {
  const violations = await axeViolations(page);
  if (violations.length > 0) found[state] = violations;
  if (close) await page.close();
}

describeJourney(
  'axe-core on every page and state',
  (peer, browser) => {
    const app = journeyApp(peer, browser, { connect: false });

    async function settingsPage(page: (typeof SETTINGS_PAGES)[number], scheme: 'light' | 'dark') {
      const tab = await app.harness.open('settings', { hash: `/${page}`, colorScheme: scheme });
      await tab.getByRole('heading', { level: 1 }).first().waitFor();
      return tab;
    }

    async function panel(scheme: 'light' | 'dark', ready: (tab: Page) => Promise<void>) {
      const tab = await app.harness.open('panel', {
        colorScheme: scheme,
        size: { width: 360, height: 520 },
      });
      await ready(tab);
      return tab;
    }

    beforeEach(() => {
      found = {};
    });

    it('first run: the panel and every settings page, light and dark', async () => {
      for (const scheme of SCHEMES) {
        await check(
          `panel, first run, ${scheme}`,
          await panel(scheme, (tab) =>
            tab.getByRole('button', { name: 'Connect to Home Assistant' }).waitFor(),
          ),
        );
        for (const page of SETTINGS_PAGES)
          await check(`settings ${page}, first run, ${scheme}`, await settingsPage(page, scheme));
      }
      expect(found).toEqual({});
    }, 300_000);

    it('connected, and asking to confirm an unlock or a revocation: the panel and every settings page, light and dark', async () => {
      await app.harness.connectTo(app.sim.url, app.sim.token);
      app.harness.home.settings.update({ favourites: FAVOURITES });
      app.sim.createLongLivedToken(app.sim.owner.id, 'Old phone');
      for (const scheme of SCHEMES) {
        const tab = await panel(scheme, (t) =>
          t.getByRole('switch', { name: 'Kitchen lights', checked: true }).waitFor(),
        );
        await check(`panel, connected, ${scheme}`, tab);
        const asking = await panel(scheme, (t) =>
          t.getByRole('switch', { name: 'Kitchen lights', checked: true }).waitFor(),
        );
        await asking.getByRole('button', { name: 'Unlock…' }).click();
        await asking.getByRole('alertdialog').waitFor();
        await check(`panel, asking to confirm, ${scheme}`, asking);
        for (const page of SETTINGS_PAGES)
          await check(`settings ${page}, connected, ${scheme}`, await settingsPage(page, scheme));
        const revoking = await settingsPage('token', scheme);
        await revoking.getByRole('checkbox', { name: 'Select Old phone' }).check();
        await revoking.getByRole('button', { name: 'Revoke selected…' }).click();
        await revoking.getByRole('alertdialog', { name: 'Revoke 1 token?' }).waitFor();
        await check(`settings token, asking to confirm, ${scheme}`, revoking);
      }
      expect(found).toEqual({});
    }, 300_000);

    it('the rule editor open, on a door and on a thermostat, light and dark, 280 px and text at 200 %', async () => {
      if (app.harness.home.supervisor.getStatus().state !== 'connected')
        await app.harness.connectTo(app.sim.url, app.sim.token);
      for (const scheme of SCHEMES)
        for (const [entityId, kind] of [
          ['binary_sensor.front_door', 'transition'],
          ['climate.living_room', 'threshold'],
        ] as const)
          for (const size of ['wide', '280 px', 'text 200 %'] as const) {
            const tab = await app.harness.open('settings', {
              hash: '/notifications',
              colorScheme: scheme,
              size: { width: size === '280 px' ? 280 : 760, height: 700 },
            });
            if (size === 'text 200 %') await doubleTextSize(tab);
            await tab.getByRole('button', { name: 'Add a rule' }).click();
            await tab.getByLabel('Entity').fill(entityId);
            await tab.getByRole('group', { name: 'States' }).waitFor();
            // With a problem shown (no state or value chosen yet) and then the kind's own fields.
            await check(`rule editor, ${entityId}, becomes, ${size}, ${scheme}`, tab, false);
            await tab.getByLabel('Notify when').selectOption(kind);
            await check(`rule editor, ${entityId}, ${kind}, ${size}, ${scheme}`, tab);
          }
      expect(found).toEqual({});
    }, 300_000);

    it('disconnected: the panel, the connection page and the token page, light and dark', async () => {
      await app.sim.stop();
      for (const scheme of SCHEMES) {
        const tab = await panel(scheme, (t) =>
          t.getByRole('status').filter({ hasText: 'Reconnecting' }).waitFor(),
        );
        const path = peer.screenshot(`panel-disconnected-${scheme}`);
        if (path) await tab.screenshot({ path });
        await check(`panel, disconnected, ${scheme}`, tab);
        for (const page of ['connection', 'token'] as const)
          await check(
            `settings ${page}, disconnected, ${scheme}`,
            await settingsPage(page, scheme),
          );
      }
      await app.sim.start();

      expect(found).toEqual({});
      expect(app.harness.logLines.filter((l) => l.startsWith('PAGE ERROR'))).toEqual([]);
    }, 300_000);
  },
  { generations: ['2024.1'] },
);
