import { contextBridge, ipcRenderer } from 'electron';
import { createBridgeApi } from '../shared/ipc/bridge';
import { ipcContract } from '../shared/ipc/contract';

// One named function per contract entry; page code never sees ipcRenderer or the IPC event
// (Electron security checklist #20).
contextBridge.exposeInMainWorld(
  'haTray',
  createBridgeApi(ipcContract, {
    invoke: (channel, args) => ipcRenderer.invoke(channel, args),
    subscribe: (channel, listener) => {
      const forward = (_event: unknown, payload: unknown) => listener(payload);
      ipcRenderer.on(channel, forward);
      return () => {
        ipcRenderer.removeListener(channel, forward);
      };
    },
  }),
);
