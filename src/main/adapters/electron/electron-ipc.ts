import { ipcMain } from 'electron';
import type { HandlerTable } from '../../ipc/handler-table';
import { strayIpcChannels } from '../../ipc/stray-channels';

/**
 * Registers every channel of the handler table with ipcMain, and removes every other listener
 * (electron-store's own among them), so that the table is the only way in. The sender frame is
 * read before anything is awaited: since Electron 34 `senderFrame` can be null after an await.
 */
export function registerIpcHandlers(table: HandlerTable): void {
  for (const channel of strayIpcChannels(ipcMain.eventNames(), table.channels))
    ipcMain.removeAllListeners(channel as string);
  for (const channel of table.channels) {
    ipcMain.handle(channel, (event, args: unknown) => {
      const frame = event.senderFrame;
      const sender = { url: frame?.url, isMainFrame: frame !== null && frame.parent === null };
      return table.handle(channel, sender, args);
    });
  }
}
