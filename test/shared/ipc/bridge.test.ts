import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { createBridgeApi, type BridgeTransport } from '../../../src/shared/ipc/bridge';
import { event, eventChannel, request, requestChannel } from '../../../src/shared/ipc/define';

const contract = {
  requests: { toggleEntity: request<void>()(z.tuple([z.string()])) },
  events: { status: event<string>() },
};

describe('createBridgeApi', () => {
  it('exposes one named function per request, forwarding arguments to its channel', async () => {
    const transport: BridgeTransport = {
      invoke: vi.fn(async () => ({ ok: true as const, value: undefined })),
      subscribe: vi.fn(() => () => {}),
    };
    const api = createBridgeApi(contract, transport);
    await api.toggleEntity('light.kitchen');
    expect(transport.invoke).toHaveBeenCalledWith(requestChannel('toggleEntity'), [
      'light.kitchen',
    ]);
    expect(Object.keys(api).sort()).toEqual(['onStatus', 'toggleEntity']);
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('gives each subscription its own unsubscribe and passes only the payload', () => {
    const listeners = new Map<string, (payload: unknown) => void>();
    const off = vi.fn();
    const transport: BridgeTransport = {
      invoke: vi.fn(),
      subscribe: (channel, listener) => {
        listeners.set(channel, listener);
        return off;
      },
    };
    const api = createBridgeApi(contract, transport);
    const seen: string[] = [];
    const unsubscribe = api.onStatus((s) => seen.push(s));
    listeners.get(eventChannel('status'))!('connected');
    expect(seen).toEqual(['connected']);
    unsubscribe();
    expect(off).toHaveBeenCalledOnce();
    expect(() => api.onStatus('nope' as never)).toThrow(TypeError);
  });
});
