import { homedir } from 'node:os';
import { app } from 'electron';
import type { LoginItem } from '../../desktop/login-item';
import { autostartCommand, autostartDir, createXdgAutostart } from '../xdg-autostart';

export function createElectronLoginItem(platform: NodeJS.Platform = process.platform): LoginItem {
  if (platform === 'linux') {
    return createXdgAutostart({
      dir: autostartDir(process.env, homedir()),
      fileName: 'ha-tray.desktop',
      name: 'HA Tray',
      command: autostartCommand(
        process.execPath,
        process.env,
        app.isPackaged ? null : app.getAppPath(),
      ),
    });
  }
  return {
    isEnabled: async () => app.getLoginItemSettings().openAtLogin,
    setEnabled: async (enabled) => app.setLoginItemSettings({ openAtLogin: enabled }),
  };
}
