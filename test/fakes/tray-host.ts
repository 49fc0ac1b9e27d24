import type { MenuItemSpec, TrayHost, TrayIconSpec } from '../../src/main/tray/tray-host';

/** A tray host that keeps what the app last showed: icon, tooltip, title and menu. */
export class RecordingTrayHost implements TrayHost {
  menu: MenuItemSpec[] = [];
  icon: TrayIconSpec | null = null;
  toolTip = '';
  title = '';

  setIcon(icon: TrayIconSpec): void {
    this.icon = icon;
  }
  setToolTip(text: string): void {
    this.toolTip = text;
  }
  setTitle(text: string): void {
    this.title = text;
  }
  setContextMenu(items: MenuItemSpec[]): void {
    this.menu = items;
  }
  onMenuItem(): void {}
  onClick(): void {}
  getBounds(): null {
    return null;
  }
  destroy(): void {}
}
