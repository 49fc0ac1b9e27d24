import { expect, it } from 'vitest';
import { tamper } from '../../support/tamper';
import { waitFor } from '../../support/wait-for';
import { describeJourney, journeyApp } from '../journey';

describeJourney('first run', (peer, browser) => {
  const app = journeyApp(peer, browser, { connect: false });

  it('a wrong URL, then a wrong token, each with its message; then a good one connects; nothing leaks', async () => {
    const page = await app.harness.open('settings', { hash: '/connection' });
    const url = page.getByLabel('Home Assistant address');
    const token = page.getByLabel('Long-lived access token');
    const test = page.getByRole('button', { name: 'Test connection' });
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Not connected yet');

    // Nothing listens on this port: the probe says so in words.
    await url.fill('127.0.0.1:1');
    await token.fill(app.sim.token);
    await test.click();
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toContain('refused the connection on port 1');
    const refused = peer.screenshot('connection-refused');
    if (refused) await page.screenshot({ path: refused });

    await url.fill(app.sim.url);
    await token.fill(`Bearer ${tamper(app.sim.token)}`);
    await test.click();
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toContain('Home Assistant rejected the token');
    const rejected = peer.screenshot('connection-token-rejected');
    if (rejected) await page.screenshot({ path: rejected });

    await token.fill(`  "${app.sim.token}"\n`);
    await test.click();
    await expect.poll(() => page.getByText('It works.').isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Save' }).click();
    await expect
      .poll(() => page.getByRole('status').textContent(), { timeout: 10_000 })
      .toContain('Connected since');
    await waitFor(() => app.harness.services.store.size === app.sim.states().length, 'entities');
    const connected = peer.screenshot('connection-connected');
    if (connected) await page.screenshot({ path: connected });
    const dark = await app.harness.open('settings', { hash: '/connection', colorScheme: 'dark' });
    await expect.poll(() => dark.getByRole('status').textContent()).toContain('Connected since');
    const darkShot = peer.screenshot('connection-connected-dark');
    if (darkShot) await dark.screenshot({ path: darkShot });

    // Leak scan: the token is nowhere a user, a page or a log can see it.
    for (const tab of app.harness.pages) {
      expect(await tab.content()).not.toContain(app.sim.token);
      const storage = await tab.evaluate(
        () => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }),
      );
      expect(storage).not.toContain(app.sim.token);
    }
    expect(await token.inputValue()).toBe('');
    expect(JSON.stringify(app.harness.sentToPages)).not.toContain(app.sim.token);
    expect(app.harness.logLines.join('\n')).not.toContain(app.sim.token);
    for (const file of app.harness.userDataFiles())
      expect(file.text, file.path).not.toContain(app.sim.token);
    expect(app.harness.logLines.filter((l) => l.startsWith('PAGE ERROR'))).toEqual([]);
  });
});
