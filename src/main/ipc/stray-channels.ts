/**
 * electron-store registers this ipcMain listener when it is constructed in main, for use from a
 * renderer, and answers it without looking at the sender. HA Tray never uses electron-store in a
 * renderer.
 */
export const ELECTRON_STORE_CHANNEL = 'electron-store-get-data';

/**
 * The ipcMain listeners to remove so that the handler table is the only way into main: every
 * channel with a listener that the table does not serve. Run after the settings store is open.
 */
export function strayIpcChannels(
  registered: ReadonlyArray<string | symbol>,
  served: readonly string[],
): Array<string | symbol> {
  const known = new Set(served);
  return registered.filter((channel) => typeof channel !== 'string' || !known.has(channel));
}
