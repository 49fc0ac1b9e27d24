import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { createBridgeApi, type BridgeTransport } from '../../../src/shared/ipc/bridge';
import {
  event,
  eventChannel,
  request,
  requestChannel,
  pageDocumentSchema,
  SUBSCRIBE_CHANNEL,
  value,
} from '../../../src/shared/ipc/define';

const contract = {
  requests: { toggleEntity: request<void>()(z.tuple([z.string()])) },
  events: { status: event(z.string()) },
  values: { settings: value(z.object({ theme: z.string() })) },
};

function transport() {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const invoke = vi.fn(async (..._: unknown[]) => ({ ok: true as const, value: undefined }));
  const bridge: BridgeTransport = {
    invoke,
    subscribe: (channel, listener) => {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel)!.add(listener);
      return () => listeners.get(channel)!.delete(listener);
    },
  };
  const emit = (channel: string, payload: unknown) =>
    listeners.get(channel)?.forEach((listener) => listener(payload));
  const subscriptions = () =>
    invoke.mock.calls.filter(([channel]) => channel === SUBSCRIBE_CHANNEL).map(([, args]) => args);
  return { bridge, invoke, emit, subscriptions };
}

describe('createBridgeApi', () => {
  it('exposes one named function per request, a getter per value and onX per stream', async () => {
    const { bridge, invoke } = transport();
    const api = createBridgeApi(contract, bridge);
    await api.toggleEntity('light.kitchen');
    expect(invoke).toHaveBeenCalledWith(requestChannel('toggleEntity'), ['light.kitchen']);
    await api.getSettings();
    expect(invoke).toHaveBeenCalledWith(requestChannel('getSettings'), []);
    expect(Object.keys(api).sort()).toEqual([
      'getSettings',
      'onSettings',
      'onStatus',
      'toggleEntity',
    ]);
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('gives each subscription its own unsubscribe and passes only the payload', () => {
    const { bridge, emit } = transport();
    const api = createBridgeApi(contract, bridge);
    const seen: string[] = [];
    const unsubscribe = api.onStatus((s) => seen.push(s));
    emit(eventChannel('status'), 'connected');
    expect(seen).toEqual(['connected']);
    unsubscribe();
    emit(eventChannel('status'), 'offline');
    expect(seen).toEqual(['connected']);
    expect(() => api.onStatus('nope' as never)).toThrow(TypeError);
  });

  it('asks main for a stream with its first listener and leaves it with its last', () => {
    const { bridge, subscriptions } = transport();
    const api = createBridgeApi(contract, bridge);
    const first = api.onSettings(() => undefined);
    const second = api.onSettings(() => undefined);
    const document = (subscriptions()[0] as unknown[])[2];
    expect(pageDocumentSchema.safeParse(document).success).toBe(true);
    expect(subscriptions()).toEqual([[{ stream: 'settings' }, true, document]]);
    first();
    first();
    expect(subscriptions()).toHaveLength(1);
    second();
    expect(subscriptions()).toEqual([
      [{ stream: 'settings' }, true, document],
      [{ stream: 'settings' }, false, document],
    ]);
    api.onSettings(() => undefined);
    expect(subscriptions()).toHaveLength(3);
  });

  it('names its document anew on every load, so main starts a reloaded page over', () => {
    const documentOf = () => {
      const { bridge, subscriptions } = transport();
      createBridgeApi(contract, bridge).onSettings(() => undefined);
      return (subscriptions()[0] as unknown[])[2];
    };
    expect(documentOf()).not.toBe(documentOf());
  });
});
