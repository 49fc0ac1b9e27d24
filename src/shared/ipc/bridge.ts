import type { BridgeApi, ContractShape } from './define';
import { eventChannel, eventListenerName, requestChannel } from './define';
import type { IpcResult } from './result';

/** How a bridge reaches main: ipcRenderer in the preload, a Playwright binding in e2e tests. */
export interface BridgeTransport {
  invoke(channel: string, args: unknown[]): Promise<IpcResult<unknown>>;
  subscribe(channel: string, listener: (payload: unknown) => void): () => void;
}

/**
 * Builds the page-facing API from the contract: a named function per request and an `onX`
 * subscription per event that returns its own unsubscribe function. There is deliberately no
 * generic `invoke(channel)` for page code to call.
 */
export function createBridgeApi<C extends ContractShape>(
  contract: C,
  transport: BridgeTransport,
): BridgeApi<C> {
  const api: Record<string, unknown> = {};
  for (const name of Object.keys(contract.requests)) {
    const channel = requestChannel(name);
    api[name] = (...args: unknown[]) => transport.invoke(channel, args);
  }
  for (const name of Object.keys(contract.events)) {
    const channel = eventChannel(name);
    api[eventListenerName(name)] = (listener: (payload: unknown) => void) => {
      if (typeof listener !== 'function') throw new TypeError('listener must be a function');
      return transport.subscribe(channel, (payload) => listener(payload));
    };
  }
  return Object.freeze(api) as BridgeApi<C>;
}
