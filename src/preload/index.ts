import { contextBridge } from 'electron';

// Named functions only; filled from the typed IPC contract in src/shared/.
contextBridge.exposeInMainWorld('haTray', {});
