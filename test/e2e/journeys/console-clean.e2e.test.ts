import { expect, it } from 'vitest';
import { describeJourney, journeyApp } from '../journey';

const SETTINGS_PAGES = ['connection', 'favourites', 'notifications', 'token', 'general', 'about'];

describeJourney(
  'a quiet console: no CSP violation, no error, no missing file on any page',
  (peer, browser) => {
    const app = journeyApp(peer, browser, {
      ready: ({ harness }) =>
        harness.home.settings.update({
          favourites: [
            { entityId: 'light.kitchen' },
            { entityId: 'climate.living_room' },
            { entityId: 'sensor.outside_temperature' },
          ],
        }),
    });

    it('the panel and every settings page load without a word in the console', async () => {
      const panel = await app.harness.open('panel');
      // A thermostat's stepper buttons on screen: react-aria's press handling injects a <style>
      // when its first button mounts. zod probes `new Function` as the page builds its schemas.
      await panel.getByRole('switch', { name: 'Kitchen lights' }).waitFor();
      await panel.locator('.stepper-group button').first().waitFor();
      // The favicon is asked for after the load: wait for the page to go quiet.
      await panel.waitForLoadState('networkidle');

      for (const id of SETTINGS_PAGES) {
        const settings = await app.harness.open('settings', { hash: `/${id}` });
        await settings.locator('main h1').first().waitFor();
        await settings.waitForLoadState('networkidle');
        await settings.close();
      }
      expect(app.harness.pageProblems).toEqual([]);
    });

    it('the policy still refuses a style without the nonce, and applies react-aria’s own', async () => {
      const panel = await app.harness.open('panel');
      await panel.locator('.stepper-group button').first().waitFor();
      const before = app.harness.pageProblems.length;
      const applied = await panel.evaluate(`(() => {
        const injected = document.createElement('style');
        injected.textContent = 'body { display: none }';
        document.head.append(injected);
        const ariaStyle = document.getElementById('react-aria-pressable-style');
        return { injected: injected.sheet !== null, ariaStyle: ariaStyle.sheet !== null };
      })()`);
      expect(applied).toEqual({ injected: false, ariaStyle: true });
      await expect
        .poll(() => app.harness.pageProblems.slice(before))
        .toContain('panel: CSP violation: style-src-elem refused inline');
      for (const problem of app.harness.pageProblems.slice(before))
        expect(problem).toMatch(/style-src-elem refused inline|Applying inline style violates/);
      app.harness.pageProblems.length = before;
      await panel.close();
    });
  },
  { generations: ['2024.1'] },
);
