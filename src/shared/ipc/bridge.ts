import type { BridgeApi, ContractShape, StreamKey } from './define';
import {
  eventListenerName,
  newPageDocument,
  requestChannel,
  streamChannel,
  streamNames,
  SUBSCRIBE_CHANNEL,
  valueGetterName,
} from './define';
import type { IpcResult } from './result';

/** How a bridge reaches main: ipcRenderer in the preload, a Playwright binding in e2e tests. */
export interface BridgeTransport {
  invoke(channel: string, args: unknown[]): Promise<IpcResult<unknown>>;
  /** Listens on this page's side only; main is asked for the stream through `invoke`. */
  subscribe(channel: string, listener: (payload: unknown) => void): () => void;
}

/**
 * Builds the page-facing API from the contract: a named function per request, a `getX` per value
 * and an `onX` subscription per event and value that returns its own unsubscribe function. There
 * is deliberately no generic `invoke(channel)` for page code to call.
 *
 * Main sends a stream only to the pages that asked for it: the first listener of a stream on
 * this page subscribes, the last one to leave unsubscribes.
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
  for (const [name, spec] of Object.entries(contract.values)) {
    const channel = requestChannel(valueGetterName(name));
    api[valueGetterName(name)] = spec.perInstance
      ? (instance: unknown) => transport.invoke(channel, [instance])
      : () => transport.invoke(channel, []);
  }
  const listening = new Map<string, number>();
  // This bridge lives as long as its document: each load of the page makes a new one.
  const document = newPageDocument();
  const ask = (key: StreamKey, on: boolean): void => {
    const what = streamChannel(key);
    transport.invoke(SUBSCRIBE_CHANNEL, [key, on, document]).then(
      (result) => {
        if (!result.ok) console.error(`HA Tray could not follow ${what}: ${result.error.message}`);
      },
      (error: unknown) => console.error(`HA Tray could not follow ${what}`, error),
    );
  };
  for (const stream of streamNames(contract)) {
    api[eventListenerName(stream)] = (listener: (payload: unknown) => void, instance?: unknown) => {
      if (typeof listener !== 'function') throw new TypeError('listener must be a function');
      if (instance !== undefined && typeof instance !== 'string')
        throw new TypeError('instance must be a key');
      const key: StreamKey = instance === undefined ? { stream } : { stream, instance };
      const channel = streamChannel(key);
      const off = transport.subscribe(channel, (payload) => listener(payload));
      const count = listening.get(channel) ?? 0;
      listening.set(channel, count + 1);
      if (count === 0) ask(key, true);
      let subscribed = true;
      return () => {
        if (!subscribed) return;
        subscribed = false;
        off();
        const left = listening.get(channel)! - 1;
        listening.set(channel, left);
        if (left === 0) ask(key, false);
      };
    };
  }
  return Object.freeze(api) as BridgeApi<C>;
}
