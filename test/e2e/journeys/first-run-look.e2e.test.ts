import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import type { DiscoveryView } from '../../../src/shared/discovery';
import { FIRST_INSTANCE_KEY } from '../../../src/shared/settings';
import { streamChannel } from '../../../src/shared/ipc/define';
import type { SignInStatus } from '../../../src/shared/sign-in';
import { axeViolations } from '../axe';
import { describeJourney, journeyApp } from '../journey';
import { doubleTextSize, layoutProblems } from '../layout-check';
import { browsing, discovered, signInAt } from '../../support/sign-in-values';

const SCHEMES = ['light', 'dark'] as const;
const LAYOUTS = [
  ['usual size', { width: 760, height: 560 }, 1],
  ['280 px', { width: 280, height: 700 }, 1],
  ['text 200 %', { width: 760, height: 560 }, 2],
] as const;

/** Three homes answered, one of them too old: every kind of row the list draws. */
const FOUND = browsing([
  discovered(),
  discovered({
    uuid: 'b2',
    locationName: 'Holiday cottage by the lake',
    url: 'https://cottage-by-the-lake.example.internal:8123',
    version: '2024.1.0',
  }),
  discovered({
    uuid: 'c3',
    locationName: 'Attic',
    url: 'http://192.168.1.30:8123',
    version: '2023.12.4',
    supported: false,
  }),
]);

const PHASES = [
  signInAt('waiting'),
  signInAt('finishing'),
  signInAt('failed', 'Home Assistant refused the sign-in: access was denied in the browser.'),
];

/**
 * What main would push, given to the page as main's stream would give it: this journey is about
 * how the page looks and reads, with homes at addresses no test may reach.
 */
const tell = (page: Page, stream: 'discovery' | 'signIn', value: DiscoveryView | SignInStatus) =>
  page.evaluate(
    ([channel, payload]) =>
      (globalThis as unknown as { __haTrayEmit(c: string, p: unknown): void }).__haTrayEmit(
        channel,
        payload,
      ),
    // The sign-in is the first run's instance's; the network list is the app's.
    [
      streamChannel(stream === 'signIn' ? { stream, instance: FIRST_INSTANCE_KEY } : { stream }),
      value,
    ] as const,
  );

/** Each layout in each scheme: the settings window opened on `hash`, made `ready`, then checked. */
async function everyLook(
  app: ReturnType<typeof journeyApp>,
  hash: string,
  check: (page: Page, look: string, text: number) => Promise<void>,
): Promise<void> {
  for (const scheme of SCHEMES)
    for (const [layout, size, text] of LAYOUTS) {
      // A Connection page makes main browse: this browse fails at once, and main is quiet after.
      if (hash === '/connection')
        app.harness.serviceBrowser.failNextBrowse(new Error('no multicast in a look check'));
      const page = await app.harness.open('settings', { hash, colorScheme: scheme, size });
      await check(page, `${layout}, ${scheme}`, text);
      await page.close();
    }
}

/** axe's findings and the reflow problems, one line each. */
const problemsOf = async (page: Page) => [
  ...(await axeViolations(page)),
  ...(await layoutProblems(page)),
];

describeJourney(
  'first run, the look of the sign-in and the suggestions',
  (peer, browser) => {
    const app = journeyApp(peer, browser, { connect: false });

    it('the network list and each sign-in phase: axe-clean and reflowing, light and dark', async () => {
      const found: Record<string, string[]> = {};
      await everyLook(app, '/connection', async (page, look, text) => {
        // Main's own last word first, so that it does not overwrite ours: this page's browse
        // fails at once (see `everyLook`), after which main says nothing more until a refresh.
        await page.getByText('HA Tray cannot look for Home Assistant').waitFor();
        if (text === 2) await doubleTextSize(page);
        await tell(page, 'discovery', FOUND);
        await page
          .getByRole('button', { name: 'Home http://192.168.1.10:8123 Home Assistant 2025.6.1' })
          .waitFor();
        // The first-run page as a new user sees it once homes answered.
        const path = look.startsWith('usual size')
          ? peer.screenshot(`connection-first-run-found-${look.split(', ')[1]}`)
          : null;
        if (path) await page.screenshot({ path, fullPage: true });
        for (const status of PHASES) {
          await tell(page, 'signIn', status);
          await page.locator('.sign-in-progress > *').first().waitFor();
          const problems = await problemsOf(page);
          if (problems.length > 0) found[`${status.phase}, ${look}`] = problems;
        }
        await page.getByRole('button', { name: 'Use a token instead' }).click();
        await page.getByLabel('Long-lived access token').waitFor();
        const open = await problemsOf(page);
        if (open.length > 0) found[`token part open, ${look}`] = open;
      });
      expect(found).toEqual({});
    }, 300_000);

    it('the suggestions on the Favourites page: axe-clean and reflowing, light and dark', async () => {
      await app.harness.connectTo(app.sim.url, app.sim.token);
      const found: Record<string, string[]> = {};
      await everyLook(app, '/favourites', async (page, look, text) => {
        await page.getByRole('group', { name: 'Suggested favourites' }).waitFor();
        if (text === 2) await doubleTextSize(page);
        const problems = await problemsOf(page);
        if (problems.length > 0) found[look] = problems;
      });
      expect(found).toEqual({});
      expect(app.harness.logLines.filter((l) => l.startsWith('PAGE ERROR'))).toEqual([]);
    }, 300_000);
  },
  { generations: ['2024.1'] },
);
