import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ConnectionStatus } from '../../../src/shared/connection-status';
import { startSimulator, type HaSimulator } from '../../ha-sim';
import { RawClient } from '../../support/raw-ws-client';
import { E2eHarness } from '../harness';
import { describeJourney } from '../journey';

describeJourney('token rotation', (peer, browser) => {
  let sim: HaSimulator;
  let harness: E2eHarness;
  let expiring: string;
  const statuses: ConnectionStatus[] = [];

  beforeAll(async () => {
    sim = await startSimulator({ locationName: 'Home', haVersion: peer.haVersion });
    harness = await E2eHarness.start({ chromiumPath: browser });
    // A token that expires in 10 days: due for rotation whatever the interval.
    expiring = sim.createLongLivedToken(sim.owner.id, 'Expiring soon', 10);
    await harness.connectTo(sim.url, expiring);
    harness.services.supervisor.onStatus((status) => statuses.push(status));
  }, 120_000);
  afterAll(async () => {
    await harness?.close();
    await sim?.close();
  });

  it('one click in settings: the old token is rejected, the connection stays up, the badge goes away', async () => {
    await expect.poll(() => harness.trayIcon?.attention).toBe(true);
    await expect
      .poll(() =>
        harness.trayMenu.some((i) => 'label' in i && i.label.startsWith('⚠ Token expires')),
      )
      .toBe(true);

    const page = await harness.open('settings', {
      hash: '/token',
      size: { width: 760, height: 1040 },
    });
    await expect.poll(() => page.getByText('Expiring soon').count()).toBeGreaterThan(0);
    const due = peer.screenshot('token-due');
    if (due) await page.screenshot({ path: due });

    await page.getByRole('button', { name: 'Rotate now' }).click();
    await expect
      .poll(() => page.getByText(/^Rotated\. HA Tray now uses “HA Tray on test-host/).count(), {
        timeout: 15_000,
      })
      .toBe(1);

    expect(
      (await fetch(`${sim.url}/api/`, { headers: { Authorization: `Bearer ${expiring}` } })).status,
    ).toBe(401);
    const socket = await RawClient.connect(sim.url);
    expect((await socket.auth(expiring)).type).toBe('auth_invalid');
    socket.close();
    expect(harness.services.supervisor.getStatus().state).toBe('connected');
    // The switch re-announces 'connected'; nothing else may appear.
    expect(statuses.every((s) => s.state === 'connected')).toBe(true);

    await expect.poll(() => harness.trayIcon?.attention).toBe(false);
    expect(harness.trayMenu.some((i) => 'id' in i && i.id === 'rotate')).toBe(false);
    const rotated = peer.screenshot('token-rotated');
    if (rotated) await page.screenshot({ path: rotated });

    // Neither token reached a page, a log or the disk.
    const fresh = harness.services.vault.token()!;
    for (const token of [expiring, fresh]) {
      expect(await page.content()).not.toContain(token);
      expect(JSON.stringify(harness.sentToPages)).not.toContain(token);
      expect(harness.logLines.join('\n')).not.toContain(token);
      for (const file of harness.userDataFiles()) expect(file.text, file.path).not.toContain(token);
    }
    expect(harness.logLines.filter((l) => l.startsWith('PAGE ERROR'))).toEqual([]);
  });
});
