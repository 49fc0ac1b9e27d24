import { ipcMain, type WebContents } from 'electron';
import type { HandlerTable } from '../../ipc/handler-table';
import type { StreamPage } from '../../ipc/page-streams';
import { strayIpcChannels } from '../../ipc/stray-channels';

/** A window's web contents as the page streams see it. */
function streamPage(contents: WebContents): StreamPage {
  return {
    id: contents.id,
    send: (channel, payload) => contents.send(channel, payload),
    isGone: () => contents.isDestroyed(),
    onGone: (listener) => void contents.once('destroyed', listener),
  };
}

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
      const sender = {
        url: frame?.url,
        isMainFrame: frame !== null && frame.parent === null,
        page: streamPage(event.sender),
      };
      return table.handle(channel, sender, args);
    });
  }
}
