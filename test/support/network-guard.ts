import dgram from 'node:dgram';
import dns from 'node:dns';
import net from 'node:net';

export interface NetworkGuard {
  /** Lookups, connections and UDP to anything but loopback; each was refused. */
  readonly violations: string[];
  /** Every outgoing write that contained a watched secret, by the port it went to. */
  readonly secretWrites: Array<{ port: number | undefined; secret: string }>;
  /** Secrets to look for in every byte written to a socket (before TLS encrypts it). */
  watch(secret: string): void;
  restore(): void;
}

const LOOPBACK_NAMES = new Set(['localhost', 'localhost.']);

export function isLoopback(host: string | undefined): boolean {
  if (host === undefined || LOOPBACK_NAMES.has(host.toLowerCase())) return true;
  const bare = host.replace(/^\[|\]$/g, '');
  if (net.isIPv4(bare)) return bare.startsWith('127.');
  if (net.isIPv6(bare)) return bare === '::1' || /^::ffff:127\./i.test(bare);
  return false;
}

type ConnectArgs = unknown[];

export interface UdpGuard {
  /** UDP sends to anything but loopback, and multicast joins; each was refused. */
  readonly violations: string[];
  restore(): void;
}

/** Where a `dgram` send goes: `send(msg[, offset, length], port[, address][, callback])`. */
function udpTarget(socket: dgram.Socket, args: unknown[]): { port: unknown; address: string } {
  const [, second, third, fourth, fifth] = args;
  const ranged =
    typeof second === 'number' && typeof third === 'number' && typeof fourth === 'number';
  const port = ranged ? fourth : second;
  const address = ranged ? fifth : third;
  if (typeof port !== 'number') {
    // A connected socket: the address it was connected to.
    try {
      return { port: socket.remoteAddress().port, address: socket.remoteAddress().address };
    } catch {
      return { port, address: 'an unconnected socket' };
    }
  }
  return { port, address: typeof address === 'string' ? address : 'localhost' };
}

const udpRefusal = (what: string) =>
  Object.assign(new Error(`${what} refused by the network guard`), { code: 'EPERM' });

/**
 * Fails closed on UDP: a send to an address that is not loopback (multicast DNS's 224.0.0.251
 * among them) reaches its callback as an EPERM error, and a multicast join throws EPERM, as the
 * system would refuse them; each is recorded. Tests run in the host's network, where such a packet
 * would reach the real network: only a helper process inside a network namespace the test made
 * (test/discovery/responder-in-namespace.ts) may use multicast.
 */
export function installUdpGuard(): UdpGuard {
  const violations: string[] = [];
  const proto = dgram.Socket.prototype;
  const original = {
    send: proto.send,
    addMembership: proto.addMembership,
    addSourceSpecificMembership: proto.addSourceSpecificMembership,
  };

  proto.send = function guardedSend(this: dgram.Socket, ...args: unknown[]) {
    const { port, address } = udpTarget(this, args);
    if (!isLoopback(address)) {
      violations.push(`udp send ${address}:${String(port)}`);
      const callback = args.at(-1);
      const error = udpRefusal(`A UDP send to ${address}`);
      if (typeof callback === 'function') process.nextTick(() => callback(error));
      else process.nextTick(() => this.emit('error', error));
      return;
    }
    return (original.send as (...a: unknown[]) => void).apply(this, args);
  } as typeof proto.send;

  proto.addMembership = function guardedJoin(group: string) {
    violations.push(`multicast join ${group}`);
    throw udpRefusal(`Joining the multicast group ${group}`);
  };
  proto.addSourceSpecificMembership = function guardedSourceJoin(_source: string, group: string) {
    violations.push(`multicast join ${group}`);
    throw udpRefusal(`Joining the multicast group ${group}`);
  };

  return {
    violations,
    restore() {
      Object.assign(proto, original);
    },
  };
}

function targetOf(args: ConnectArgs): { host?: string; port?: number; path?: string } {
  const first = Array.isArray(args[0]) ? (args[0] as unknown[])[0] : args[0];
  if (typeof first === 'object' && first !== null)
    return first as { host?: string; port?: number; path?: string };
  if (typeof first === 'string' && !/^\d+$/.test(first)) return { path: first };
  return { port: Number(first), host: typeof args[1] === 'string' ? args[1] : undefined };
}

/**
 * Fails closed on the network: every DNS lookup of a name that is not loopback, and every TCP or
 * TLS connection (net, http, https, tls and ws all end in Socket#connect) to an address that is
 * not loopback, is refused with ECONNREFUSED and recorded, and UDP as `installUdpGuard` says. Also
 * records writes carrying a watched secret, to prove where a token went.
 */
export function installNetworkGuard(): NetworkGuard {
  const udp = installUdpGuard();
  const violations = udp.violations;
  const secretWrites: NetworkGuard['secretWrites'] = [];
  const secrets = new Set<string>();
  // A request is written before its socket is connected, when remotePort is still unknown.
  const portOf = new WeakMap<net.Socket, number | undefined>();
  const originalConnect = net.Socket.prototype.connect;
  const originalWrite = net.Socket.prototype.write;
  const originalLookup = dns.lookup;
  const originalPromisesLookup = dns.promises.lookup;

  net.Socket.prototype.connect = function guardedConnect(this: net.Socket, ...args: ConnectArgs) {
    const target = targetOf(args);
    portOf.set(this, target.port === undefined ? undefined : Number(target.port));
    if (target.path === undefined && !isLoopback(target.host ?? 'localhost')) {
      violations.push(`connect ${target.host}:${target.port}`);
      process.nextTick(() =>
        this.destroy(
          Object.assign(new Error('refused by the network guard'), { code: 'ECONNREFUSED' }),
        ),
      );
      return this;
    }
    return (originalConnect as (...a: ConnectArgs) => net.Socket).apply(this, args);
  } as typeof net.Socket.prototype.connect;

  net.Socket.prototype.write = function guardedWrite(this: net.Socket, ...args: unknown[]) {
    const chunk = args[0];
    const text =
      typeof chunk === 'string' ? chunk : Buffer.isBuffer(chunk) ? chunk.toString('latin1') : '';
    for (const secret of secrets)
      if (text.includes(secret))
        secretWrites.push({ port: this.remotePort ?? portOf.get(this), secret });
    return (originalWrite as (...a: unknown[]) => boolean).apply(this, args);
  } as typeof net.Socket.prototype.write;

  const refuseLookup = (hostname: string) => {
    violations.push(`lookup ${hostname}`);
    return Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), {
      code: 'ENOTFOUND',
      hostname,
    });
  };
  dns.lookup = function guardedLookup(hostname: string, ...rest: unknown[]) {
    if (!isLoopback(hostname)) {
      const callback = rest.at(-1) as (error: Error) => void;
      const error = refuseLookup(hostname);
      process.nextTick(() => callback(error));
      return;
    }
    return (originalLookup as (...a: unknown[]) => void).call(dns, hostname, ...rest);
  } as typeof dns.lookup;
  dns.promises.lookup = (async (hostname: string, options?: dns.LookupOptions) => {
    if (!isLoopback(hostname)) throw refuseLookup(hostname);
    return originalPromisesLookup(hostname, options ?? {});
  }) as typeof dns.promises.lookup;

  return {
    violations,
    secretWrites,
    watch: (secret) => void secrets.add(secret),
    restore() {
      udp.restore();
      net.Socket.prototype.connect = originalConnect;
      net.Socket.prototype.write = originalWrite;
      dns.lookup = originalLookup;
      dns.promises.lookup = originalPromisesLookup;
    },
  };
}
