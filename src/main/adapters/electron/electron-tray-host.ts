import type { MenuItemConstructorOptions } from 'electron';
import { Menu, Tray, nativeImage } from 'electron';
import { Emitter } from '../../../shared/emitter';
import type { MenuItemSpec, TrayHost, TrayIconSpec } from '../../tray/tray-host';
import { trayIconFile } from '../../tray/tray-icon-file';
import type { Rect } from '../../windows/window-host';

export function createElectronTrayHost(iconDir: string, initial: TrayIconSpec): TrayHost {
  const tray = new Tray(
    nativeImage.createFromPath(trayIconFile(iconDir, initial, process.platform)),
  );
  const menuItemClicks = new Emitter<string>();

  const toElectron = (items: MenuItemSpec[]): MenuItemConstructorOptions[] =>
    items.map((item) => {
      if (item.type === 'separator') return { type: 'separator' };
      if (item.type === 'submenu') {
        return {
          label: item.label,
          enabled: item.enabled ?? true,
          submenu: toElectron(item.submenu),
        };
      }
      return {
        type: item.type,
        id: item.id,
        label: item.label,
        enabled: item.enabled ?? true,
        checked: item.checked ?? false,
        accelerator: item.accelerator,
        toolTip: item.toolTip,
        click: () => menuItemClicks.emit(item.id),
      };
    });

  return {
    setIcon: (icon) =>
      tray.setImage(nativeImage.createFromPath(trayIconFile(iconDir, icon, process.platform))),
    setToolTip: (text) => tray.setToolTip(text),
    setTitle: (text) => {
      if (process.platform === 'darwin') tray.setTitle(text);
    },
    // Linux only shows a changed menu after setContextMenu is called again (electron#39892).
    setContextMenu: (items) => tray.setContextMenu(Menu.buildFromTemplate(toElectron(items))),
    onMenuItem: (listener) => {
      menuItemClicks.on(listener);
    },
    onClick: (listener) => {
      tray.on('click', () => listener());
    },
    getBounds: (): Rect | null => {
      const bounds = tray.getBounds();
      return bounds.width > 0 && bounds.height > 0 ? bounds : null;
    },
    destroy: () => tray.destroy(),
  };
}
