import { expect, it } from 'vitest';
import type { ConnectionStatus } from '../../../src/shared/connection-status';
import { RawClient } from '../../support/raw-ws-client';
import { describeJourney, journeyApp } from '../journey';
import { focusedName } from '../keyboard';

describeJourney('token rotation', (peer, browser) => {
  let expiring: string;
  const statuses: ConnectionStatus[] = [];

  const app = journeyApp(peer, browser, {
    // A token that expires in 10 days: due for rotation whatever the interval.
    connect: (sim) => (expiring = sim.createLongLivedToken(sim.owner.id, 'Expiring soon', 10)),
    ready: ({ harness }) => harness.home.supervisor.onStatus((status) => statuses.push(status)),
  });

  it('one click in settings: the old token is rejected, the connection stays up, the badge goes away', async () => {
    await expect.poll(() => app.harness.trayIcon?.attention).toBe(true);
    await expect
      .poll(() =>
        app.harness.trayMenu.some((i) => 'label' in i && i.label.startsWith('⚠ Token expires')),
      )
      .toBe(true);

    const page = await app.harness.open('settings', {
      hash: '/token',
      size: { width: 760, height: 1040 },
    });
    const table = page.locator('table.audit');
    const row = (name: string | RegExp) => table.getByRole('row').filter({ hasText: name });
    await expect.poll(() => row('Expiring soon').textContent()).toContain('used by this app');
    const due = peer.screenshot('token-due');
    if (due) await page.screenshot({ path: due });
    // The schedule never names a day after the token stops working: it is due now.
    expect(await page.locator('dt:text-is("Next rotation") + dd').textContent()).toBe('now');

    // Rotate now sits in the box that says the token expires, beside the snoozes.
    const reminder = page.locator('.notice', { hasText: 'Token expires in 10 days' });
    await reminder.getByRole('button', { name: 'Rotate now' }).click();
    const rotatedLine = page.getByText(/^Rotated\. HA Tray now uses “HA Tray on test-host/);
    await expect.poll(() => rotatedLine.count(), { timeout: 15_000 }).toBe(1);
    // Focus went to what happened, as the button went with the box.
    await expect.poll(() => focusedName(page)).toMatch(/^Rotated\./);

    // The table follows: the revoked token is gone, the new one is the one in use.
    await expect.poll(() => row('Expiring soon').count()).toBe(0);
    expect(await row(/^HA Tray on test-host/).textContent()).toContain('used by this app');

    expect(
      (await fetch(`${app.sim.url}/api/`, { headers: { Authorization: `Bearer ${expiring}` } }))
        .status,
    ).toBe(401);
    const socket = await RawClient.connect(app.sim.url);
    expect((await socket.auth(expiring)).type).toBe('auth_invalid');
    socket.close();
    expect(app.harness.home.supervisor.getStatus().state).toBe('connected');
    // The switch re-announces 'connected'; nothing else may appear.
    expect(statuses.every((s) => s.state === 'connected')).toBe(true);

    await expect.poll(() => app.harness.trayIcon?.attention).toBe(false);
    expect(app.harness.trayMenu.some((i) => 'id' in i && i.id === 'rotate')).toBe(false);
    const rotated = peer.screenshot('token-rotated');
    if (rotated) await page.screenshot({ path: rotated });

    // Neither token reached a page, a log or the disk.
    const fresh = app.harness.home.vault.token()!;
    for (const token of [expiring, fresh]) {
      expect(await page.content()).not.toContain(token);
      expect(JSON.stringify(app.harness.sentToPages)).not.toContain(token);
      expect(app.harness.logLines.join('\n')).not.toContain(token);
      for (const file of app.harness.userDataFiles())
        expect(file.text, file.path).not.toContain(token);
    }
    expect(app.harness.logLines.filter((l) => l.startsWith('PAGE ERROR'))).toEqual([]);
  });

  it('a token Home Assistant rejects: the token page says so and leads to the Connection page', async () => {
    const page = await app.harness.open('settings', { hash: '/token' });
    await page.getByRole('heading', { name: 'Your long-lived tokens' }).waitFor();
    app.sim.revokeToken(app.harness.home.vault.token()!);
    const alert = page.getByRole('alert').filter({ hasText: 'rejected this token' });
    await expect.poll(() => alert.count()).toBe(1);
    await alert.getByRole('link', { name: 'paste a new one on the Connection page' }).click();
    await page.getByRole('heading', { name: 'Connection', level: 1 }).waitFor();
  });
});
