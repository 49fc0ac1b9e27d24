// Bundled into every page the e2e harness opens: the same createBridgeApi the Electron preload
// uses, over Playwright bindings instead of ipcRenderer.
import { createBridgeApi } from '../../src/shared/ipc/bridge';
import { ipcContract } from '../../src/shared/ipc/contract';
import type { IpcResult } from '../../src/shared/ipc/result';

declare global {
  interface Window {
    __haTrayInvoke(channel: string, args: unknown[]): Promise<IpcResult<unknown>>;
    __haTrayEmit(channel: string, payload: unknown): void;
  }
}

const listeners = new Map<string, Set<(payload: unknown) => void>>();
window.__haTrayEmit = (channel, payload) =>
  listeners.get(channel)?.forEach((listener) => listener(payload));
window.haTray = createBridgeApi(ipcContract, {
  invoke: (channel, args) => window.__haTrayInvoke(channel, args),
  subscribe: (channel, listener) => {
    if (!listeners.has(channel)) listeners.set(channel, new Set());
    listeners.get(channel)!.add(listener);
    return () => listeners.get(channel)!.delete(listener);
  },
});
