import { EventEmitter } from 'node:events';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import {
  createBonjourServiceBrowser,
  decodeTxt,
} from '../../../src/main/adapters/bonjour-service-browser';
import type { AnnouncedService } from '../../../src/main/discovery/service-browser';
import { waitFor } from '../../support/wait-for';

interface Packet {
  type: 'query' | 'response';
  questions?: Array<{ name: string; type: string }>;
  answers?: object[];
  additionals?: object[];
}
// The encoder multicast-dns itself uses (a dependency of bonjour-service): packets as on the wire.
const dnsPacket = createRequire(import.meta.url)('dns-packet') as {
  encode(packet: Packet): Buffer;
  decode(buffer: Buffer): Packet;
};

/**
 * A UDP socket as multicast-dns uses it, on no network: what the adapter sends is recorded, and a
 * test delivers packets as if they came from the network.
 */
class FakeUdpSocket extends EventEmitter {
  readonly sent: Packet[] = [];
  closed = false;
  failSends: Error | null = null;

  bind(_port: number, _address: string | undefined, callback: () => void) {
    setImmediate(() => {
      callback();
      this.emit('listening');
    });
  }
  address() {
    return { address: '0.0.0.0', port: 5353 };
  }
  send(
    message: Buffer,
    _offset: number,
    _length: number,
    _port: number,
    _host: string,
    cb: (error: Error | null) => void,
  ) {
    if (this.failSends) return setImmediate(() => cb(this.failSends));
    this.sent.push(dnsPacket.decode(message));
    setImmediate(() => cb(null));
  }
  addMembership() {}
  dropMembership() {}
  setMulticastTTL() {}
  setMulticastLoopback() {}
  setMulticastInterface() {}
  close(callback?: () => void) {
    this.closed = true;
    callback?.();
  }
  deliver(packet: Packet) {
    this.emit('message', dnsPacket.encode(packet), {
      address: '192.168.1.23',
      port: 5353,
      family: 'IPv4',
      size: 0,
    });
  }
}

const SERVICE = 'Our Home._home-assistant._tcp.local';
const PTR = { name: '_home-assistant._tcp.local', type: 'PTR', ttl: 4500, data: SERVICE };

/** What Home Assistant answers (components/zeroconf/__init__.py): PTR, then SRV, TXT and A. */
function answer(txt: string[], ttl = 4500): Packet {
  return {
    type: 'response',
    answers: [{ ...PTR, ttl }],
    additionals: [
      { name: SERVICE, type: 'SRV', ttl: 120, data: { target: 'abc123.local', port: 8123 } },
      { name: SERVICE, type: 'TXT', ttl: 4500, data: txt.map((t) => Buffer.from(t)) },
      { name: 'abc123.local', type: 'A', ttl: 120, data: '192.168.1.23' },
    ],
  };
}

function browse() {
  const socket = new FakeUdpSocket();
  const found: AnnouncedService[] = [];
  const gone: string[] = [];
  const failures: Error[] = [];
  const session = createBonjourServiceBrowser({ socket }).browse({
    found: (service) => found.push(service),
    gone: (name) => gone.push(name),
    failed: (error) => failures.push(error),
  });
  return { socket, session, found, gone, failures };
}

const queriesFor = (packets: Packet[]) =>
  packets.map((p) => ({ type: p.type, questions: p.questions?.map((q) => `${q.name} ${q.type}`) }));

describe('the service browser on bonjour-service', () => {
  it('queries for Home Assistant and reports the answer, with its TXT as announced', async () => {
    const { socket, session, found } = browse();
    await waitFor(() => socket.sent.length === 1, 'the first query');
    expect(queriesFor(socket.sent)).toEqual([
      { type: 'query', questions: ['_home-assistant._tcp.local PTR'] },
    ]);
    socket.deliver(
      answer([
        'location_name=Our Home',
        'uuid=abc123',
        'version=2026.2.3',
        'internal_url=',
        'base_url=http://x',
      ]),
    );
    expect(found).toEqual([
      {
        name: SERVICE,
        host: 'abc123.local',
        port: 8123,
        addresses: ['192.168.1.23'],
        txt: {
          location_name: 'Our Home',
          uuid: 'abc123',
          version: '2026.2.3',
          internal_url: '',
          base_url: 'http://x',
        },
      },
    ]);
    // A changed TXT is reported again; a goodbye (TTL 0) reports the service gone.
    socket.deliver(answer(['location_name=Cabin', 'uuid=abc123']));
    expect(found.at(-1)?.txt).toEqual({ location_name: 'Cabin', uuid: 'abc123' });
    session.query();
    await waitFor(() => socket.sent.length === 2, 'the second query');
    session.stop();
    expect(socket.closed).toBe(true);
  });

  it('reports a goodbye as the service gone', async () => {
    const { socket, gone } = browse();
    await waitFor(() => socket.sent.length === 1, 'the first query');
    socket.deliver(answer(['uuid=abc123']));
    socket.deliver(answer(['uuid=abc123'], 0));
    expect(gone).toEqual([SERVICE]);
  });

  it('never answers a query or announces anything, even one for its own service type', async () => {
    const { socket, session } = browse();
    await waitFor(() => socket.sent.length === 1, 'the first query');
    socket.deliver({
      type: 'query',
      questions: [{ name: '_home-assistant._tcp.local', type: 'PTR' }],
    });
    socket.deliver({
      type: 'query',
      questions: [{ name: '_services._dns-sd._udp.local', type: 'PTR' }],
    });
    session.query();
    await waitFor(() => socket.sent.length === 2, 'the second query');
    expect(socket.sent.every((packet) => packet.type === 'query')).toBe(true);
    expect(socket.sent.flatMap((packet) => packet.answers ?? [])).toEqual([]);
    session.stop();
  });

  it('reports a query it cannot send as a failure, and stops', async () => {
    const socket = new FakeUdpSocket();
    socket.failSends = Object.assign(new Error('send ENETUNREACH 224.0.0.251:5353'), {
      code: 'ENETUNREACH',
    });
    const failures: Error[] = [];
    createBonjourServiceBrowser({ socket }).browse({
      found: () => undefined,
      gone: () => undefined,
      failed: (error) => failures.push(error),
    });
    await waitFor(() => failures.length === 1, 'the failure');
    expect(failures[0]).toMatchObject({ code: 'ENETUNREACH' });
    expect(socket.closed).toBe(true);
  });

  it('reports a port it cannot bind as a failure', async () => {
    const socket = new FakeUdpSocket();
    socket.bind = (_port, _address, _callback) =>
      setImmediate(() =>
        socket.emit(
          'error',
          Object.assign(new Error('bind EADDRINUSE 0.0.0.0:5353'), { code: 'EADDRINUSE' }),
        ),
      );
    const failures: Error[] = [];
    createBonjourServiceBrowser({ socket }).browse({
      found: () => undefined,
      gone: () => undefined,
      failed: (error) => failures.push(error),
    });
    await waitFor(() => failures.length === 1, 'the failure');
    expect(failures[0]).toMatchObject({ code: 'EADDRINUSE' });
  });

  it('reports nothing after it stopped', async () => {
    const { socket, session, found } = browse();
    await waitFor(() => socket.sent.length === 1, 'the first query');
    session.stop();
    socket.deliver(answer(['uuid=abc123']));
    expect(found).toEqual([]);
  });
});

describe('TXT strings', () => {
  it('read empty values as empty, keys in any case, and the first of a repeated key', () => {
    expect(
      decodeTxt([
        Buffer.from('Location_Name=Home'),
        Buffer.from('internal_url='),
        Buffer.from('requires_api_password'),
        Buffer.from('uuid=first'),
        Buffer.from('uuid=second'),
        Buffer.from('=nokey'),
        Buffer.from('base_url=http://a=b'),
      ]),
    ).toEqual({
      location_name: 'Home',
      internal_url: '',
      requires_api_password: '',
      uuid: 'first',
      base_url: 'http://a=b',
    });
    expect(decodeTxt(undefined)).toEqual({});
  });
});
