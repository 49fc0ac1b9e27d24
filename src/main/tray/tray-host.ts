import type { Rect } from '../windows/window-host';

/** A platform-neutral menu item. Clicks come back by `id`, so models stay pure data. */
export type MenuItemSpec =
  | { type: 'separator' }
  | {
      type: 'normal' | 'checkbox';
      id: string;
      label: string;
      enabled?: boolean;
      checked?: boolean;
      accelerator?: string;
      toolTip?: string;
    }
  | { type: 'submenu'; label: string; enabled?: boolean; submenu: MenuItemSpec[] };

/** Which of the bundled icon variants the tray shows. */
export type TrayIconName = 'connected' | 'connecting' | 'error' | 'disconnected';

export interface TrayIconSpec {
  name: TrayIconName;
  /** Adds the attention dot (for example: token due for rotation). */
  attention: boolean;
  /** The system uses a dark theme: a lighter variant stands out on a dark panel. */
  dark: boolean;
}

/** The narrow surface of Electron's Tray the app uses. */
export interface TrayHost {
  setIcon(icon: TrayIconSpec): void;
  setToolTip(text: string): void;
  /** Text next to the icon in the macOS menu bar; other platforms have no such place. */
  setTitle(text: string): void;
  /** Replaces the context menu; `onItem` receives the `id` of a clicked item. */
  setContextMenu(items: MenuItemSpec[]): void;
  onMenuItem(listener: (id: string) => void): void;
  /** Left click, where the platform delivers it (not on most Linux desktops). */
  onClick(listener: () => void): void;
  /** Empty bounds on Linux: callers need a fallback position. */
  getBounds(): Rect | null;
  destroy(): void;
}
