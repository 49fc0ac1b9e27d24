import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import type { DiscoveryView } from '../../../src/shared/discovery';
import { streamChannel } from '../../../src/shared/ipc/define';
import type { SignInStatus } from '../../../src/shared/sign-in';
import { axeViolations } from '../axe';
import { describeJourney, journeyApp } from '../journey';
import { doubleTextSize, layoutProblems } from '../layout-check';

const SCHEMES = ['light', 'dark'] as const;
const LAYOUTS = [
  ['usual size', { width: 760, height: 560 }, 1],
  ['280 px', { width: 280, height: 700 }, 1],
  ['text 200 %', { width: 760, height: 560 }, 2],
] as const;

/** Three homes answered, one of them too old: every kind of row the list draws. */
const FOUND: DiscoveryView = {
  state: 'browsing',
  instances: [
    {
      uuid: 'a1',
      locationName: 'Home',
      url: 'http://192.168.1.10:8123',
      version: '2025.6.1',
      supported: true,
      saved: false,
    },
    {
      uuid: 'b2',
      locationName: 'Holiday cottage by the lake',
      url: 'https://cottage-by-the-lake.example.internal:8123',
      version: '2024.1.0',
      supported: true,
      saved: false,
    },
    {
      uuid: 'c3',
      locationName: 'Attic',
      url: 'http://192.168.1.30:8123',
      version: '2023.12.4',
      supported: false,
      saved: false,
    },
  ],
  message: null,
};

const PHASES: SignInStatus[] = [
  { phase: 'waiting', origin: 'http://192.168.1.10:8123', message: null },
  { phase: 'finishing', origin: 'http://192.168.1.10:8123', message: null },
  {
    phase: 'failed',
    origin: 'http://192.168.1.10:8123',
    message: 'Home Assistant refused the sign-in: access was denied in the browser.',
  },
];

/**
 * What main would push, given to the page as main's stream would give it: the interim main
 * neither browses nor signs in yet, and this journey is about how the page looks and reads.
 */
const tell = (page: Page, stream: 'discovery' | 'signIn', value: DiscoveryView | SignInStatus) =>
  page.evaluate(
    ([channel, payload]) =>
      (globalThis as unknown as { __haTrayEmit(c: string, p: unknown): void }).__haTrayEmit(
        channel,
        payload,
      ),
    [streamChannel({ stream }), value] as const,
  );

describeJourney(
  'first run, the look of the sign-in and the suggestions',
  (peer, browser) => {
    const app = journeyApp(peer, browser, { connect: false });

    it('the network list and each sign-in phase: axe-clean and reflowing, light and dark', async () => {
      const found: Record<string, string[]> = {};
      for (const scheme of SCHEMES)
        for (const [layout, size, text] of LAYOUTS) {
          const page = await app.harness.open('settings', {
            hash: '/connection',
            colorScheme: scheme,
            size,
          });
          // Main's own answer first (nothing found yet), so that it does not overwrite ours.
          await page.getByText('No Home Assistant found yet.').waitFor();
          if (text === 2) await doubleTextSize(page);
          await tell(page, 'discovery', FOUND);
          await page
            .getByRole('button', { name: 'Home http://192.168.1.10:8123 Home Assistant 2025.6.1' })
            .waitFor();
          for (const status of PHASES) {
            await tell(page, 'signIn', status);
            await page.locator('.sign-in-progress > *').first().waitFor();
            const state = `${status.phase}, ${layout}, ${scheme}`;
            const problems = [...(await axeViolations(page)), ...(await layoutProblems(page))];
            if (problems.length > 0) found[state] = problems;
          }
          await page.getByRole('button', { name: 'Use a token instead' }).click();
          await page.getByLabel('Long-lived access token').waitFor();
          const open = [...(await axeViolations(page)), ...(await layoutProblems(page))];
          if (open.length > 0) found[`token part open, ${layout}, ${scheme}`] = open;
          if (layout === 'usual size') {
            const path = peer.screenshot(`connection-first-run-found-${scheme}`);
            if (path) await page.screenshot({ path, fullPage: true });
          }
          await page.close();
        }
      expect(found).toEqual({});
    }, 300_000);

    it('the suggestions on the Favourites page: axe-clean and reflowing, light and dark', async () => {
      await app.harness.connectTo(app.sim.url, app.sim.token);
      const found: Record<string, string[]> = {};
      for (const scheme of SCHEMES)
        for (const [layout, size, text] of LAYOUTS) {
          const page = await app.harness.open('settings', {
            hash: '/favourites',
            colorScheme: scheme,
            size,
          });
          await page.getByRole('group', { name: 'Suggested favourites' }).waitFor();
          if (text === 2) await doubleTextSize(page);
          const problems = [...(await axeViolations(page)), ...(await layoutProblems(page))];
          if (problems.length > 0) found[`${layout}, ${scheme}`] = problems;
          await page.close();
        }
      expect(found).toEqual({});
      expect(app.harness.logLines.filter((l) => l.startsWith('PAGE ERROR'))).toEqual([]);
    }, 300_000);
  },
  { generations: ['2024.1'] },
);
