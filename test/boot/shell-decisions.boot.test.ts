import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { parse } from 'yaml';
import { ELECTRON_STORE_CHANNEL } from '../../src/main/ipc/stray-channels';
import { INSTANCE_FILES } from '../../src/main/storage/layout';
import { FIRST_INSTANCE_KEY as KEY } from '../../src/shared/settings';
import { startSimulator, type HaSimulator } from '../ha-sim';
import { waitFor } from '../support/wait-for';
import { APP_PAGE, BootedMain, PROJECT_DIR, type BootOptions } from './built-main';

/**
 * The decisions main takes about its own shell (src/main/windows/shell-policy.ts,
 * ipc/stray-channels.ts, lifecycle/orderly-quit.ts, desktop/shell-plan.ts), seen wired in the
 * installed app: each pure function has its own unit test, these prove the entry point applies it.
 */
const packaged = () => ({ kind: 'packaged' as const, resources: inject('packagedResources') });

let booted: BootedMain[] = [];
let sim: HaSimulator | null = null;
afterEach(async () => {
  const finished = booted;
  booted = [];
  for (const main of finished) {
    await main.dispose();
    main.removeUserData();
  }
  await sim?.close();
  sim = null;
  for (const main of finished) {
    expect(main.fake.log.unknown, 'Electron APIs the fake lacks').toEqual([]);
    expect(main.readsOutside.join('\n'), 'files read outside the app and its data').toBe('');
  }
});

async function started(options?: BootOptions, mode: 'packaged' | 'development' = 'packaged') {
  const main = new BootedMain(mode === 'packaged' ? packaged() : { kind: 'development' }, options);
  booted.push(main);
  await main.ready();
  return main;
}

/** The first-run settings window, then the panel a click on the tray opens. */
async function bothWindows(main: BootedMain) {
  await waitFor(() => main.fake.windows.length === 1, 'the first-run window');
  main.fake.trays[0]!.events.emit('click');
  await waitFor(() => main.fake.windows.length === 2, 'settings and panel');
  return main.fake.windows;
}

describe('installed, the shell is locked down', () => {
  it('ELECTRON_RENDERER_URL is ignored: the pages come from ha-tray://', async () => {
    const main = await started({ env: { ELECTRON_RENDERER_URL: 'http://localhost:5173' } });
    const windows = await bothWindows(main);
    expect(windows.map((win) => win.loads[0]!.url)).toEqual([
      `${APP_PAGE}#/connection/first`,
      'ha-tray://app/panel.html',
    ]);
  });

  it('no application menu and no DevTools in any window', async () => {
    const main = await started();
    const windows = await bothWindows(main);
    expect(main.fake.state.applicationMenu).toBeNull();
    for (const win of windows)
      expect(win.options.webPreferences).toMatchObject({ devTools: false });
  });

  it('macOS keeps only the app menu and the Edit menu (copy and paste in text fields)', async () => {
    const main = await started({ platform: 'darwin' });
    expect(main.fake.log.of('Menu.setApplicationMenu')).toHaveLength(1);
    expect(main.fake.state.applicationMenu).toEqual(
      expect.objectContaining({ items: [{ role: 'appMenu' }, { role: 'editMenu' }] }),
    );
  });

  it('run from source, the default menu and DevTools stay', async () => {
    const main = await started({}, 'development');
    const windows = await bothWindows(main);
    expect(main.fake.log.of('Menu.setApplicationMenu')).toEqual([]);
    for (const win of windows) expect(win.options.webPreferences).toMatchObject({ devTools: true });
  });

  it("electron-store's own IPC listener is gone once main has started", async () => {
    const main = await started();
    const { ipcMain } = main.fake.module;
    // electron-store added it when the settings were opened; the handler table removed it.
    expect(main.fake.log.of('ipcMain.on').map(([channel]) => channel)).toContain(
      ELECTRON_STORE_CHANNEL,
    );
    expect(ipcMain.eventNames()).not.toContain(ELECTRON_STORE_CHANNEL);
  });
});

describe('quit', () => {
  it('waits for a write in flight: it is on disk when the app quits', async () => {
    const main = await started();
    // The first instance's reminder memory, in its folder (src/main/storage/layout.ts).
    const file = join(main.userDataDir, 'instances', KEY, INSTANCE_FILES.rotationReminder);
    const snoozed = () =>
      existsSync(file) &&
      typeof (JSON.parse(readFileSync(file, 'utf8')) as { snoozedUntil?: unknown }).snoozedUntil ===
        'number';
    expect((await main.page().snoozeTokenReminder(KEY, 'day')).ok).toBe(true);
    // The snooze is being written (an fs write cannot finish within this turn of the loop).
    expect(snoozed()).toBe(false);
    let onDiskAtQuit: boolean | null = null;
    main.fake.module.app.on('quit', () => (onDiskAtQuit = snoozed()));
    main.fake.module.app.quit();
    await waitFor(() => main.fake.state.quit, 'the app quit');
    expect(onDiskAtQuit).toBe(true);
  });
});

describe('at home on each desktop', () => {
  it('macOS: no Dock icon, the app lives in the menu bar', async () => {
    const main = await started({ platform: 'darwin' });
    expect(main.fake.log.of('app.dock.hide')).toHaveLength(1);
    expect(main.fake.state.dockVisible).toBe(false);
  });

  it("Windows: the AppUserModelId is electron-builder.yml's appId", async () => {
    const { appId } = parse(readFileSync(join(PROJECT_DIR, 'electron-builder.yml'), 'utf8')) as {
      appId: string;
    };
    const main = await started({ platform: 'win32' });
    expect(main.fake.state.appUserModelId).toBe(appId);
  });

  it.each(
    (['linux', 'darwin', 'win32'] as const).flatMap((platform) =>
      [true, false].map((startAtLogin) => ({ platform, startAtLogin })),
    ),
  )(
    '$platform: the start-at-login switch shows what the system has ($startAtLogin), and changes it',
    async ({ platform, startAtLogin }) => {
      const main = await started({ platform, startAtLogin });
      const status = await main.page().getDesktopStatus();
      expect(status.ok && status.value.startAtLogin).toBe(startAtLogin);
      const changed = await main.page().setStartAtLogin(!startAtLogin);
      expect(changed.ok && changed.value.startAtLogin).toBe(!startAtLogin);
      const desktopFile = join(main.configHome, 'autostart', 'ha-tray.desktop');
      const systemHasIt =
        platform === 'linux' ? existsSync(desktopFile) : main.fake.state.openAtLogin;
      expect(systemHasIt).toBe(!startAtLogin);
    },
  );

  it('a dark system theme switches the tray to the light-on-dark icons', async () => {
    const main = await started({ platform: 'linux' });
    const icon = () => basename(main.fake.trays[0]!.images.at(-1)!.path);
    const light = icon();
    expect(light).toMatch(/^[a-z]+\.png$/);
    main.fake.setDarkTheme(true);
    await waitFor(() => icon() === light.replace('.png', '-dark.png'), 'the dark icon');
    expect(main.fake.trays[0]!.images.at(-1)!.format).toBe('png');
  });

  it('macOS: the chosen sensor is the tray title, following its state', async () => {
    sim = await startSimulator({ locationName: 'Home' });
    const main = await started({ platform: 'darwin' });
    const page = main.page();
    const candidate = { url: sim.url, token: sim.token };
    expect(await page.testConnection(KEY, candidate)).toMatchObject({
      ok: true,
      value: { ok: true },
    });
    expect(await page.saveConnection(KEY, candidate)).toMatchObject({ ok: true });
    const settings = await page.updateSettings({
      ui: {
        globalShortcut: 'CommandOrControl+Alt+H',
        startAtLogin: false,
        traySensor: { instance: KEY, entityId: 'sensor.bedroom_temperature' },
      },
    });
    expect(settings.ok).toBe(true);
    const tray = main.fake.trays[0]!;
    await waitFor(() => tray.title === '19.0 °C', 'the sensor in the tray title');
    sim.setState('sensor.bedroom_temperature', '21.5');
    await waitFor(() => tray.title === '21.5 °C', 'the new value in the tray title');
  });
});
