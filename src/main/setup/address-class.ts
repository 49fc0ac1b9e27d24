import { BlockList, isIP } from 'node:net';

/**
 * Whether a host is on the local network, where plain http is the usual way to reach Home
 * Assistant, or somewhere the token should not travel unencrypted.
 */
export type AddressClass = 'local' | 'remote' | 'unresolved';

/** Resolves a host name to its addresses; injected, so tests never touch DNS. */
export type ResolveHost = (hostname: string) => Promise<string[]>;

const LOCAL_RANGES = new BlockList();
for (const [net, prefix] of [
  ['127.0.0.0', 8], // loopback
  ['10.0.0.0', 8], // private
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
  ['169.254.0.0', 16], // link-local
  ['100.64.0.0', 10], // shared address space, as Tailscale uses it
] as const)
  LOCAL_RANGES.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['::1', 128], // loopback
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['fd7a:115c:a1e0::', 48], // Tailscale
] as const)
  LOCAL_RANGES.addSubnet(net, prefix, 'ipv6');

const LOCAL_SUFFIXES = ['.local', '.lan', '.home.arpa', '.localhost'];

export function isLocalAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare)?.[1];
  if (mapped) return LOCAL_RANGES.check(mapped, 'ipv4');
  const family = isIP(bare);
  if (family === 4) return LOCAL_RANGES.check(bare, 'ipv4');
  if (family === 6) return LOCAL_RANGES.check(bare, 'ipv6');
  return false;
}

/** mDNS names, the usual home-router suffixes, and single-label names ("homeassistant"). */
export function isLocalName(hostname: string): boolean {
  const name = hostname.toLowerCase().replace(/\.$/, '');
  return (
    name === 'localhost' || !name.includes('.') || LOCAL_SUFFIXES.some((s) => name.endsWith(s))
  );
}

/**
 * An address literal by its range; a name by its suffix, else by every address it resolves to
 * (all must be local: one public answer makes it remote). A name that does not resolve is
 * "unresolved": the connection test then fails on DNS before anything is sent.
 */
export async function classifyHost(hostname: string, resolve: ResolveHost): Promise<AddressClass> {
  const bare = hostname.replace(/^\[|\]$/g, '');
  if (isIP(bare)) return isLocalAddress(bare) ? 'local' : 'remote';
  if (isLocalName(bare)) return 'local';
  let addresses: string[];
  try {
    addresses = await resolve(bare);
  } catch {
    return 'unresolved';
  }
  if (addresses.length === 0) return 'unresolved';
  return addresses.every(isLocalAddress) ? 'local' : 'remote';
}
