import { describe, expect, it } from 'vitest';
import { createFakeElectron } from './fake-electron';

const fake = () =>
  createFakeElectron({ userDataDir: '/tmp/user', appPath: '/tmp/app', isPackaged: false });

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
    expect(() => interopCopy(electron.module).nativeTheme).toThrow(/no electron\.nativeTheme/);
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
