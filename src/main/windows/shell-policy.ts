import type { MenuItemConstructorOptions } from 'electron';

/**
 * Decisions about the production shell, kept apart from Electron so that each has a test; the
 * entry point only applies them.
 */

/**
 * The dev server's URL, honoured only in a development run. An installed app started with
 * ELECTRON_RENDERER_URL set would otherwise load any page into its trusted windows, with the
 * bridge and a trusted IPC origin. Only an http(s) URL is taken.
 */
export function devServerUrl(isPackaged: boolean, value: string | undefined): string | null {
  if (isPackaged || !value) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : null;
  } catch {
    return null;
  }
}

/** DevTools only in a development run: in a shipped app they would open the bridge to anyone at the keyboard. */
export function devToolsAllowed(isPackaged: boolean): boolean {
  return !isPackaged;
}

/**
 * The application menu: Electron's default (with View > Toggle Developer Tools and Reload) only
 * in development. A packaged build has none, except on macOS, where copy and paste in text
 * fields work through the Edit menu, so it keeps the app menu (Quit, Hide) and the Edit menu.
 */
export function applicationMenu(
  isPackaged: boolean,
  platform: NodeJS.Platform,
): 'default' | MenuItemConstructorOptions[] | null {
  if (!isPackaged) return 'default';
  if (platform === 'darwin') return [{ role: 'appMenu' }, { role: 'editMenu' }];
  return null;
}
