import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, chromiumPath } from '../e2e/chromium';
import { LoopbackRedirectListener } from '../support/loopback-redirect-listener';
import { exchangeCode } from '../support/oauth-token-client';
import { HA_GENERATIONS, HA_RELEASE, SIM_OWNER_LOGIN } from './index';
import { useSimulator } from './test-helpers';

const executablePath = chromiumPath();
const { start } = useSimulator();

/** The simulator's login page in a real Chromium, as the user's browser opens it. */
describe.skipIf(!executablePath)('the login page in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: executablePath!, args: CHROMIUM_ARGS });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each(HA_GENERATIONS)(
    'names the client, logs in and goes to the redirect with code and state (%s)',
    async (generation) => {
      const sim = await start({ haVersion: HA_RELEASE[generation] });
      const listener = await LoopbackRedirectListener.start();
      const page = await browser.newPage();
      try {
        await page.goto(listener.authorizeUrl(sim.url, 'st&te=1'));
        await expect
          .poll(() => page.locator('#consent').textContent())
          .toBe(
            `You're about to give ${listener.clientId} access to your Home Assistant instance.`,
          );
        await page.getByLabel('Username').fill(SIM_OWNER_LOGIN.username);
        await page.getByLabel('Password').fill('wrong');
        await page.getByRole('button', { name: 'Log in' }).click();
        await expect
          .poll(() => page.getByRole('alert').textContent())
          .toBe('Invalid username or password');

        await page.getByLabel('Password').fill(SIM_OWNER_LOGIN.password);
        await Promise.all([
          page.waitForURL(`${listener.redirectUri}?**`),
          page.getByRole('button', { name: 'Log in' }).click(),
        ]);
        expect(await page.textContent('body')).toBe('signed in');
        const [query] = listener.queries;
        expect(query?.get('state')).toBe('st&te=1');
        const code = query?.get('code');
        expect((await exchangeCode(sim.url, code!, listener.clientId)).status).toBe(200);
      } finally {
        await page.close();
        await listener.close();
      }
    },
  );

  it('shows why when Home Assistant blocks the login', async () => {
    const sim = await start();
    const listener = await LoopbackRedirectListener.start();
    const page = await browser.newPage();
    try {
      const guest = sim.createUser('Guest', { username: 'guest', password: 'pw' });
      sim.setUserActive(guest.id, false);
      await page.goto(listener.authorizeUrl(sim.url));
      await page.getByLabel('Username').fill('guest');
      await page.getByLabel('Password').fill('pw');
      await page.getByRole('button', { name: 'Log in' }).click();
      await expect
        .poll(() => page.getByRole('alert').textContent())
        .toBe('Login blocked: User is not active');
      expect(listener.queries).toEqual([]);
    } finally {
      await page.close();
      await listener.close();
    }
  });
});
