import type { IpcContract } from '../shared/ipc/contract';
import type { BridgeApi } from '../shared/ipc/define';

export type HaTrayApi = BridgeApi<IpcContract>;

declare global {
  interface Window {
    /** Exposed by the preload (Electron) or the e2e harness; the only way pages reach main. */
    haTray: HaTrayApi;
  }
}

export function bridge(): HaTrayApi {
  return window.haTray;
}
