import type { Connection } from 'home-assistant-js-websocket';
import { describe, expect, it } from 'vitest';
import type { OpenedSocket } from '../../../src/main/ha/ha-socket';
import { closeConnection } from '../../../src/main/ha/socket-close';
import { FakeClock } from '../../support/fake-clock';

/** A socket that closes when told: `handshake` says whether close() finishes by itself. */
function fakeConnection(handshake: boolean) {
  const closeListeners: Array<() => void> = [];
  const calls: string[] = [];
  const socket = {
    readyState: 1,
    addEventListener: (type: string, listener: () => void) => {
      if (type === 'close') closeListeners.push(listener);
    },
    terminate: () => {
      calls.push('terminate');
      closed();
    },
  };
  const closed = () => {
    socket.readyState = 3;
    closeListeners.forEach((listener) => listener());
  };
  const conn = {
    close: () => {
      calls.push('close');
      if (handshake) queueMicrotask(closed);
    },
  };
  return {
    opened: { conn: conn as unknown as Connection, socket: socket as unknown as OpenedSocket },
    calls,
  };
}

describe('closeConnection', () => {
  it('resolves once the socket has closed, and leaves no timer behind', async () => {
    const clock = new FakeClock(0);
    const { opened, calls } = fakeConnection(true);
    await closeConnection(opened, clock, 1_000);
    expect(calls).toEqual(['close']);
    expect(clock.pendingTimers()).toBe(0);
  });

  it('cuts off a server that never finishes the close handshake', async () => {
    const clock = new FakeClock(0);
    const { opened, calls } = fakeConnection(false);
    let done = false;
    const closing = closeConnection(opened, clock, 1_000).then(() => (done = true));
    clock.advance(999);
    await Promise.resolve();
    expect(done).toBe(false);
    clock.advance(1);
    await closing;
    expect(calls).toEqual(['close', 'terminate']);
  });

  it('resolves at once for a socket that has closed by itself (a drop)', async () => {
    const clock = new FakeClock(0);
    const { opened, calls } = fakeConnection(false);
    (opened.socket as { readyState: number }).readyState = 3;
    await closeConnection(opened, clock, 1_000);
    expect(calls).toEqual(['close']);
    expect(clock.pendingTimers()).toBe(0);
  });
});
