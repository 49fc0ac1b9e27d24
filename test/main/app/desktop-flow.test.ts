import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAppServices, type AppServices } from '../../../src/main/app-services';
import { createTray } from '../../../src/main/tray/create-tray';
import type { DesktopStatus } from '../../../src/shared/desktop-status';
import type { AboutInfo } from '../../../src/shared/diagnostics';
import { normaliseInstanceUrl } from '../../../src/shared/instance-url';
import { eventChannel, requestChannel } from '../../../src/shared/ipc/define';
import type { IpcResult } from '../../../src/shared/ipc/result';
import { startSimulator, type HaSimulator } from '../../ha-sim';
import { fakeDesktopPlatform, type FakeDesktopPlatform } from '../../fakes/desktop-platform';
import { RecordingTrayHost } from '../../fakes/tray-host';
import { fastRetry } from '../../support/fast-retry';
import { testPlatform } from '../../support/app-platform';
import { waitFor } from '../../support/wait-for';
import { followEveryStream } from '../../support/stream-pages';
import { onlyInstance } from '../../support/only-instance';

const PAGE = { url: 'ha-tray://app/settings.html#/general', isMainFrame: true };
let dir: string;
let app: AppServices;
let desktop: FakeDesktopPlatform;
let events: Array<{ channel: string; payload: unknown }>;
let panelOpened: number;

async function ask<T>(name: string, ...args: unknown[]): Promise<IpcResult<T>> {
  return (await app.table.handle(requestChannel(name), PAGE, args)) as IpcResult<T>;
}

async function boot(prepare: (desktop: FakeDesktopPlatform) => void = () => undefined) {
  desktop = fakeDesktopPlatform();
  prepare(desktop);
  app = createAppServices(
    testPlatform(dir, {
      desktop,
      windows: {
        showSettings: () => undefined,
        togglePanel: () => void panelOpened++,
        hidePanel: () => undefined,
      },
    }),
    { connection: { retry: fastRetry(10, 40) } },
  );
  followEveryStream(app.table, (event) => events.push(event));
  await app.start();
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ha-tray-desktop-'));
  events = [];
  panelOpened = 0;
});
afterEach(async () => {
  await app?.dispose();
  rmSync(dir, { recursive: true, force: true });
});

describe('global shortcut', () => {
  it('the saved shortcut is registered at start and opens the panel', async () => {
    await boot();
    desktop.shortcuts.press('CommandOrControl+Alt+H');
    expect(panelOpened).toBe(1);
  });

  it('a shortcut without a modifier is refused with a sentence and nothing changes', async () => {
    await boot();
    const reply = await ask<DesktopStatus>('setGlobalShortcut', 'H');
    expect(reply).toMatchObject({ ok: false, error: { message: /Add Ctrl, Alt or Cmd/ } });
    const patch = await ask('updateSettings', {
      ui: { ...app.settings.get().ui, globalShortcut: 'H' },
    });
    expect(patch.ok).toBe(false);
    expect(app.settings.get().ui.globalShortcut).toBe('CommandOrControl+Alt+H');
    expect([...desktop.shortcuts.held.keys()]).toEqual(['CommandOrControl+Alt+H']);
  });

  it('a taken shortcut says so and keeps the old one; a free one is saved and announced', async () => {
    await boot((d) => d.shortcuts.taken.add('Control+Alt+T'));
    expect(await ask('setGlobalShortcut', 'Control+Alt+T')).toMatchObject({
      ok: false,
      error: { message: 'Ctrl+Alt+T is already taken by another app. Choose another combination.' },
    });
    const reply = await ask<DesktopStatus>('setGlobalShortcut', 'Alt+Super+P');
    expect(reply).toMatchObject({
      ok: true,
      value: { shortcut: { accelerator: 'Alt+Super+P', registered: true, message: null } },
    });
    expect(app.settings.get().ui.globalShortcut).toBe('Alt+Super+P');
    expect(
      events.filter((e) => e.channel === eventChannel('desktopStatus')).at(-1)?.payload,
    ).toEqual(reply.ok && reply.value);
    expect((await ask<DesktopStatus>('setGlobalShortcut', '')).ok).toBe(true);
    expect(desktop.shortcuts.held.size).toBe(0);
  });

  it('the tray menu shows the shortcut next to "Open panel" only while it works', async () => {
    await boot((d) => d.shortcuts.taken.add('CommandOrControl+Alt+H'));
    const host = new RecordingTrayHost();
    const tray = createTray(app, {
      host,
      dialogs: { confirm: async () => false, showError: () => undefined },
      shell: { openExternal: async () => undefined },
      openPanel: () => undefined,
      openSettings: () => undefined,
      quit: () => undefined,
      theme: { isDark: () => false, onChange: () => () => undefined },
    });
    const openPanel = () => host.menu.find((item) => 'id' in item && item.id === 'panel');
    expect(openPanel()).not.toHaveProperty('accelerator');
    await ask('setGlobalShortcut', 'Alt+Super+P');
    expect(openPanel()).toMatchObject({ accelerator: 'Alt+Super+P' });
    tray.dispose();
  });

  it('a saved shortcut another app took meanwhile is reported at start', async () => {
    await boot((d) => d.shortcuts.taken.add('CommandOrControl+Alt+H'));
    const reply = await ask<DesktopStatus>('getDesktopStatus');
    expect(reply).toMatchObject({
      ok: true,
      value: { shortcut: { registered: false, message: /already taken by another app/ } },
    });
  });
});

describe('start at login', () => {
  it('the switch shows and sets the system’s login item, and the setting mirrors it', async () => {
    await boot((d) => (d.loginItem.enabled = true));
    expect(app.settings.get().ui.startAtLogin).toBe(true);
    expect(await ask('getDesktopStatus')).toMatchObject({ value: { startAtLogin: true } });
    expect(await ask('setStartAtLogin', false)).toMatchObject({ value: { startAtLogin: false } });
    expect(desktop.loginItem.enabled).toBe(false);
    expect(app.settings.get().ui.startAtLogin).toBe(false);
    desktop.loginItem.refuse = true;
    expect(await ask('setStartAtLogin', true)).toMatchObject({
      ok: false,
      error: { message: 'Your system did not let HA Tray start at login.' },
    });
  });

  it('an unreadable login item does not stop the app from starting', async () => {
    await boot((d) => (d.loginItem.unreadable = true));
    expect(await ask('getDesktopStatus')).toMatchObject({
      ok: true,
      value: { startAtLogin: false },
    });
    desktop.shortcuts.press('CommandOrControl+Alt+H');
    expect(panelOpened).toBe(1);
  });
});

describe('about and diagnostics', () => {
  let sim: HaSimulator;
  afterEach(async () => sim?.close());

  it('versions, the connection history, and a copied report without the token', async () => {
    sim = await startSimulator();
    await boot();
    const instance = normaliseInstanceUrl(sim.url);
    if (!instance.ok) throw new Error(instance.error);
    const home = onlyInstance(app);
    await home.vault.save(sim.token);
    home.settings.setOrigin(instance.value.origin);
    app.settings.updateInstance(home.key, { favourites: [{ entityId: 'light.kitchen' }] });
    home.setup.connectIfReady();
    await waitFor(() => home.supervisor.getStatus().state === 'connected', 'connected');

    const about = await ask<AboutInfo>('getAbout');
    expect(about).toMatchObject({
      ok: true,
      value: {
        versions: { app: '0.1.0', electron: '45.4.1' },
        homeAssistant: expect.any(String),
        history: expect.arrayContaining([expect.objectContaining({ kind: 'connected' })]),
      },
    });

    const copied = await ask<string>('copyDiagnostics', {
      redactAddress: true,
      redactEntityNames: true,
    });
    expect(copied.ok && copied.value).toBe(desktop.copied[0]);
    const port = new URL(sim.url).port;
    expect(desktop.copied[0]).toContain('Address: [address]');
    expect(desktop.copied[0]).not.toContain(`127.0.0.1:${port}`);
    expect(desktop.copied[0]).not.toContain('light.kitchen');
    expect(desktop.copied[0]).not.toContain(sim.token);
    expect(await ask('copyDiagnostics', { redactAddress: 'yes' })).toMatchObject({ ok: false });
  });
});
