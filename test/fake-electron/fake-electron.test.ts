import { describe, expect, it } from 'vitest';
import { createFakeElectron } from './fake-electron';

const fake = (platform: NodeJS.Platform = 'linux') =>
  createFakeElectron({
    userDataDir: '/tmp/user',
    appPath: '/tmp/app',
    isPackaged: false,
    platform,
  });

/** What a bundler's CommonJS interop makes of the module: its own properties, copied. */
function interopCopy(module: object): Record<string, unknown> {
  const copy = Object.create(Object.getPrototypeOf(module) as object) as Record<string, unknown>;
  for (const key of Object.getOwnPropertyNames(module))
    Object.defineProperty(copy, key, { get: () => (module as Record<string, unknown>)[key] });
  return copy;
}

describe('the fake electron module', () => {
  it('throws on an API it does not have, and lists it', () => {
    const electron = fake();
    const app = electron.module.app as unknown as Record<string, unknown>;
    expect(() => app.setLoginItemSettings).toThrow(/no app\.setLoginItemSettings/);
    expect(() => (electron.module as unknown as Record<string, unknown>).autoUpdater).toThrow(
      /no electron\.autoUpdater/,
    );
    expect(electron.log.unknown).toEqual(['app.setLoginItemSettings', 'electron.autoUpdater']);
  });

  it('keeps throwing through the interop copy a bundle makes of it', () => {
    const electron = fake();
    expect(() => interopCopy(electron.module).autoUpdater).toThrow(/no electron\.autoUpdater/);
  });

  it("has the platform-only APIs only on their platform, as Electron's docs list them", () => {
    const linux = fake('linux').module.app as unknown as Record<string, unknown>;
    expect(linux.dock).toBeUndefined();
    expect(() => linux.getLoginItemSettings).toThrow(/no app\.getLoginItemSettings/);
    expect(() => linux.setAppUserModelId).toThrow(/no app\.setAppUserModelId/);
    const mac = fake('darwin');
    mac.module.app.dock!.hide();
    expect(mac.state.dockVisible).toBe(false);
    mac.module.app.setLoginItemSettings!({ openAtLogin: true });
    expect(mac.module.app.getLoginItemSettings!().openAtLogin).toBe(true);
    const windows = fake('win32');
    windows.module.app.setAppUserModelId!('io.example');
    expect(windows.state.appUserModelId).toBe('io.example');
  });

  it('tells nativeTheme listeners when the system switches to dark', () => {
    const electron = fake();
    const seen: boolean[] = [];
    const { nativeTheme } = electron.module;
    nativeTheme.on('updated', () => seen.push(nativeTheme.shouldUseDarkColors));
    electron.setDarkTheme(true);
    expect(seen).toEqual([true]);
  });

  it('lists ipcMain listeners by channel, as an EventEmitter does', () => {
    const { module } = fake();
    const listener = () => undefined;
    module.ipcMain.on('electron-store-get-data', listener);
    expect(module.ipcMain.eventNames()).toEqual(['electron-store-get-data']);
    module.ipcMain.removeAllListeners('electron-store-get-data');
    expect(module.ipcMain.eventNames()).toEqual([]);
  });

  it('records every call with its arguments', () => {
    const electron = fake();
    electron.module.app.getPath('userData');
    electron.module.globalShortcut.register('Alt+H', () => undefined);
    expect(electron.log.calls).toEqual([
      { api: 'app.getPath', args: ['userData'] },
      { api: 'globalShortcut.register', args: ['Alt+H', expect.any(Function)] },
    ]);
  });

  it('refuses a second handler for one IPC channel, as Electron does', () => {
    const { module } = fake();
    module.ipcMain.handle('ha-tray:request:getStatus', () => undefined);
    expect(() => module.ipcMain.handle('ha-tray:request:getStatus', () => undefined)).toThrow(
      /second handler/,
    );
  });

  it('lets a before-quit listener cancel the quit', () => {
    const electron = fake();
    electron.module.app.once('before-quit', (event: { preventDefault(): void }) =>
      event.preventDefault(),
    );
    electron.module.app.quit();
    expect(electron.state.quit).toBe(false);
    electron.module.app.quit();
    expect(electron.state.quit).toBe(true);
  });
});
