import type { Rect } from './tray-host';

import type { SETTINGS_PAGES } from '../../shared/ipc/contract';

/** The settings window's pages, addressed by the hash route `#/<page>`. */
export type SettingsPage = (typeof SETTINGS_PAGES)[number];

/** The app's two windows. Both load the app's own pages with the secure web preferences. */
export interface WindowHost {
  showSettings(page?: SettingsPage): void;
  /** Opens the panel next to the tray icon, or near the screen corner when bounds are unknown. */
  togglePanel(trayBounds: Rect | null): void;
  hidePanel(): void;
  /** Sends an event to every open app window. */
  broadcast(channel: string, payload: unknown): void;
}
