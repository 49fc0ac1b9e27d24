import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIRST_INSTANCE_KEY as KEY } from '../../../src/shared/settings';
import { RealHa } from '../../real-ha/harness';
import { onlyInstance } from '../../support/only-instance';
import { RawClient } from '../../support/raw-ws-client';
import { tamper } from '../../support/tamper';
import { chromiumPath } from '../chromium';
import { E2eHarness } from '../harness';

// The journeys against a real Home Assistant (npm run test:ha). Chromium is required here too:
// on CI its absence fails the suite instead of skipping it.
const browser = chromiumPath();
let ha: RealHa;
let harness: E2eHarness;
/** The app's own token: the rotation revokes it, while the harness keeps using ha.token. */
let appToken: string;

describe.skipIf(!browser)('journeys against a real Home Assistant', () => {
  beforeAll(async () => {
    ha = await RealHa.start();
    const owner = await RawClient.authenticated(ha.url, ha.token);
    appToken = (
      await owner.command({
        type: 'auth/long_lived_access_token',
        client_name: 'HA Tray e2e',
        lifespan: 365,
      })
    ).result as string;
    owner.close();
    harness = await E2eHarness.start({ chromiumPath: browser! });
  }, 240_000);
  afterAll(async () => {
    await harness?.close();
    await ha?.destroy();
  }, 120_000);

  it('first run: a wrong token is explained, the right one connects', async () => {
    const page = await harness.open('settings', { hash: '/connection' });
    await page.getByLabel('Home Assistant address').fill(ha.url);
    // On a first run the pasted token waits behind a disclosure, under the browser sign-in.
    await page.getByRole('button', { name: 'Use a token instead' }).click();
    await page.getByLabel('Long-lived access token').fill(tamper(appToken));
    await page.getByRole('button', { name: 'Test connection' }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent(), { timeout: 15_000 })
      .toContain('rejected the token');
    await page.getByLabel('Long-lived access token').fill(appToken);
    await page.getByRole('button', { name: 'Test connection' }).click();
    await expect.poll(() => page.getByText('It works.').count(), { timeout: 15_000 }).toBe(1);
    await expect
      .poll(() =>
        page.getByText(`Home Assistant ${ha.version} at “Test Home”, signed in as Owner`).count(),
      )
      .toBe(1);
    await page.getByRole('button', { name: 'Save' }).click();
    await expect
      .poll(() => onlyInstance(harness.services).supervisor.getStatus().state, { timeout: 15_000 })
      .toBe('connected');
  });

  it('favourites: the tray shows them with live state; the panel toggles a light in Home Assistant', async () => {
    harness.services.settings.updateInstance(KEY, {
      favourites: [{ entityId: 'light.kitchen' }, { entityId: 'lock.front_door' }],
    });
    await expect
      .poll(() => harness.trayFavourites(), { timeout: 10_000 })
      .toEqual(['☑ Kitchen lights', 'Front door – Locked  (Unlock…)']);
    const panel = await harness.open('panel', { size: { width: 360, height: 520 } });
    // The switch's input is visually hidden; a pointer user clicks the switch drawn in its label.
    const toggle = panel.getByRole('switch', { name: 'Kitchen lights', checked: true });
    await panel.locator('label', { has: toggle }).click();
    await expect
      .poll(() => harness.trayFavourites()[0], { timeout: 10_000 })
      .toBe('☐ Kitchen lights');
    const res = await fetch(`${ha.url}/api/states/light.kitchen`, {
      headers: { Authorization: `Bearer ${onlyInstance(harness.services).vault.token()}` },
    });
    expect(((await res.json()) as { state: string }).state).toBe('off');
  });

  it('a notification rule fires exactly once when the door opens', async () => {
    harness.services.settings.updateInstance(KEY, {
      rules: [
        {
          id: 'door',
          entityId: 'binary_sensor.front_door',
          enabled: true,
          kind: 'becomes',
          states: ['on'],
          cooldownSeconds: 0,
        },
      ],
    });
    // HA Tray subscribes to a rule's entity once the rule exists (no page lists every entity
    // here): its first state is the rule's baseline, so the door opens after it arrived.
    await expect
      .poll(() => onlyInstance(harness.services).store.get('binary_sensor.front_door')?.state)
      .toBe('off');
    const res = await fetch(`${ha.url}/api/services/input_boolean/turn_on`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${ha.token}` },
      body: JSON.stringify({ entity_id: 'input_boolean.front_door_open' }),
    });
    expect(res.status).toBe(200);
    await expect.poll(() => harness.notifications.length, { timeout: 10_000 }).toBe(1);
    // A later change on the same socket: once it is in the store, any second notification for
    // the door, sent before it, would have been shown (rules run as the store changes).
    const kitchen = onlyInstance(harness.services).store.get('light.kitchen')?.state;
    const toggled = await fetch(`${ha.url}/api/services/light/toggle`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${ha.token}` },
      body: JSON.stringify({ entity_id: 'light.kitchen' }),
    });
    expect(toggled.status).toBe(200);
    await expect
      .poll(() => onlyInstance(harness.services).store.get('light.kitchen')?.state, {
        timeout: 10_000,
      })
      .not.toBe(kitchen);
    expect(harness.notifications).toEqual([
      { title: 'Front door opened', body: expect.stringContaining('Previously closed') },
    ]);
  });

  it('one-click rotation: the old token stops working, the connection stays up', async () => {
    const old = onlyInstance(harness.services).vault.token()!;
    const page = await harness.open('settings', {
      hash: '/token',
      size: { width: 760, height: 1040 },
    });
    await page.getByRole('button', { name: 'Rotate now' }).click();
    await expect.poll(() => page.getByText(/^Rotated\./).count(), { timeout: 20_000 }).toBe(1);
    expect(
      (await fetch(`${ha.url}/api/`, { headers: { Authorization: `Bearer ${old}` } })).status,
    ).toBe(401);
    const socket = await RawClient.connect(ha.url);
    expect((await socket.auth(old)).type).toBe('auth_invalid');
    socket.close();
    expect(onlyInstance(harness.services).supervisor.getStatus().state).toBe('connected');
  });

  it('Home Assistant restarts and the connection recovers by itself', async () => {
    await ha.restart();
    await expect
      .poll(() => onlyInstance(harness.services).supervisor.getStatus().state, { timeout: 60_000 })
      .toBe('connected');
    // input_boolean `initial` values reset the kitchen light to on at start: the store follows.
    await expect
      .poll(() => harness.trayFavourites()[0], { timeout: 15_000 })
      .toBe('☑ Kitchen lights');
  });

  it('nothing leaked the tokens', async () => {
    const tokens = [ha.token, appToken, onlyInstance(harness.services).vault.token()!];
    for (const token of tokens) {
      for (const tab of harness.pages) expect(await tab.content()).not.toContain(token);
      expect(JSON.stringify(harness.sentToPages)).not.toContain(token);
      expect(harness.logLines.join('\n')).not.toContain(token);
      for (const file of harness.userDataFiles()) expect(file.text, file.path).not.toContain(token);
    }
  });
});
