import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  autostartCommand,
  autostartDir,
  autostartEntry,
  createXdgAutostart,
} from '../../../src/main/adapters/xdg-autostart';

let home: string;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'ha-tray-autostart-'));
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

describe('autostartDir', () => {
  it('uses $XDG_CONFIG_HOME when absolute, else ~/.config', () => {
    expect(autostartDir({ XDG_CONFIG_HOME: '/cfg' }, '/home/ann')).toBe('/cfg/autostart');
    expect(autostartDir({}, '/home/ann')).toBe('/home/ann/.config/autostart');
    expect(autostartDir({ XDG_CONFIG_HOME: 'relative' }, '/home/ann')).toBe(
      '/home/ann/.config/autostart',
    );
  });
});

describe('autostartCommand', () => {
  it('starts an AppImage from its own path, not the temporary mount', () => {
    expect(
      autostartCommand('/tmp/.mount_x/ha-tray', { APPIMAGE: '/apps/HA.AppImage' }, null),
    ).toEqual(['/apps/HA.AppImage']);
    expect(autostartCommand('/opt/HA Tray/ha-tray', {}, null)).toEqual(['/opt/HA Tray/ha-tray']);
    expect(autostartCommand('/x/electron', {}, '/src/ha-tray')).toEqual([
      '/x/electron',
      '/src/ha-tray',
    ]);
  });
});

describe('autostartEntry', () => {
  it('quotes paths with spaces and escapes what the Desktop Entry spec reserves', () => {
    const text = autostartEntry('HA Tray', ['/opt/HA Tray/ha-tray', '100%']);
    expect(text).toContain('Exec="/opt/HA Tray/ha-tray" 100%%\n');
    expect(autostartEntry('HA Tray', ['/a$b/x'])).toContain('Exec="/a\\\\$b/x"');
    expect(text).toMatch(/^\[Desktop Entry\]\nType=Application\nName=HA Tray\n/);
  });
});

describe('createXdgAutostart', () => {
  const item = () =>
    createXdgAutostart({
      dir: join(home, '.config', 'autostart'),
      fileName: 'ha-tray.desktop',
      name: 'HA Tray',
      command: ['/opt/ha-tray/ha-tray'],
    });
  const file = () => join(home, '.config', 'autostart', 'ha-tray.desktop');

  it('writes the entry into a folder it creates, and removes it', async () => {
    const login = item();
    expect(await login.isEnabled()).toBe(false);
    await login.setEnabled(true);
    expect(readFileSync(file(), 'utf8')).toContain('Exec=/opt/ha-tray/ha-tray\n');
    expect(await login.isEnabled()).toBe(true);
    await login.setEnabled(false);
    expect(existsSync(file())).toBe(false);
    expect(await login.isEnabled()).toBe(false);
    await login.setEnabled(false);
  });

  it('reads an entry the desktop switched off as disabled', async () => {
    const login = item();
    await login.setEnabled(true);
    writeFileSync(file(), readFileSync(file(), 'utf8') + 'Hidden=true\n');
    expect(await login.isEnabled()).toBe(false);
    await login.setEnabled(true);
    writeFileSync(
      file(),
      readFileSync(file(), 'utf8').replace(
        'X-GNOME-Autostart-enabled=true',
        'X-GNOME-Autostart-enabled=false',
      ),
    );
    expect(await login.isEnabled()).toBe(false);
  });
});
