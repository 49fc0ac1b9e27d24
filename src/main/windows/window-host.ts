import type { SettingsPage } from '../../shared/ipc/contract';

/** A screen rectangle in device-independent pixels, as Electron's `Rectangle`. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The app's two windows. Both load the app's own pages with the secure web preferences. */
export interface WindowHost {
  /** Opens the settings window on a page, of one instance where the page is about one. */
  showSettings(page?: SettingsPage, instance?: string): void;
  /** Opens the panel next to the tray icon, or near the screen corner when bounds are unknown. */
  togglePanel(trayBounds: Rect | null): void;
  hidePanel(): void;
}
