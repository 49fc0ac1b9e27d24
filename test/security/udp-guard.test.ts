import dgram from 'node:dgram';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createBonjourServiceBrowser } from '../../src/main/adapters/bonjour-service-browser';
import { installUdpGuard, type UdpGuard } from '../support/network-guard';
import { waitFor } from '../support/wait-for';

let guard: UdpGuard | null = null;
const sockets: dgram.Socket[] = [];
afterEach(() => {
  guard?.restore();
  guard = null;
  // The adapter closes the sockets it was given when it stops.
  sockets.splice(0).forEach((socket) => {
    try {
      socket.close();
    } catch {
      // already closed
    }
  });
});

function socket(): dgram.Socket {
  const created = dgram.createSocket({ type: 'udp4', reuseAddr: true });
  sockets.push(created);
  return created;
}

describe('the network guard on UDP', () => {
  it('refuses and records a stray multicast send and a multicast join', async () => {
    guard = installUdpGuard();
    const stray = socket();
    const result = await new Promise<Error | null>((resolve) =>
      stray.send(Buffer.from('query'), 5353, '224.0.0.251', resolve),
    );
    expect(result).toMatchObject({ code: 'EPERM' });
    await new Promise<void>((resolve) => stray.bind(0, '127.0.0.1', resolve));
    expect(() => stray.addMembership('224.0.0.251')).toThrow(/refused by the network guard/);
    expect(guard.violations).toEqual(['udp send 224.0.0.251:5353', 'multicast join 224.0.0.251']);
  });

  it('lets UDP on loopback through', async () => {
    guard = installUdpGuard();
    const [receiver, sender] = [socket(), socket()];
    await new Promise<void>((resolve) => receiver.bind(0, '127.0.0.1', resolve));
    const received = new Promise<string>((resolve) =>
      receiver.once('message', (message) => resolve(message.toString())),
    );
    const { port } = receiver.address() as AddressInfo;
    sender.send(Buffer.from('hello'), port, '127.0.0.1');
    expect(await received).toBe('hello');
    expect(guard.violations).toEqual([]);
  });

  it("stops the app's real mDNS browser in a test worker: it reports a failure and sends nothing", async () => {
    guard = installUdpGuard();
    // A real UDP socket, bound on loopback rather than the mDNS port of every interface.
    const udp = socket();
    const bind = udp.bind.bind(udp);
    udp.bind = ((_port: number, _address: string, callback: () => void) =>
      bind(0, '127.0.0.1', callback)) as typeof udp.bind;
    const failures: Error[] = [];
    const session = createBonjourServiceBrowser({ socket: udp }).browse({
      found: () => undefined,
      gone: () => undefined,
      failed: (error) => failures.push(error),
    });
    await waitFor(() => failures.length === 1, 'the refused query');
    session.stop();
    expect(failures[0]).toMatchObject({ code: 'EPERM' });
    expect(guard.violations).toContain('udp send 224.0.0.251:5353');
  });
});
