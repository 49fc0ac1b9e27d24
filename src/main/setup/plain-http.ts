import type { InstanceUrl } from '../../shared/instance-url';
import type { ProbeFailure } from '../../shared/probe';
import { classifyHost, type ResolveHost } from './address-class';

/**
 * Over http:// the token travels in clear. That is the norm on a home network, and a choice the
 * user must make, address by address, anywhere else: null when the token may go, else why not.
 */
export async function plainHttpRefusal(
  instance: InstanceUrl,
  consented: readonly string[],
  resolve: ResolveHost,
): Promise<ProbeFailure | null> {
  const url = new URL(instance.origin);
  if (url.protocol !== 'http:' || consented.includes(instance.origin)) return null;
  if ((await classifyHost(url.hostname, resolve)) !== 'remote') return null;
  return {
    ok: false,
    reason: 'insecure_http',
    message:
      `${url.host} is not on your local network, and over http:// your token would travel ` +
      'unencrypted, readable by anyone on the way. Use the https:// address if Home Assistant has ' +
      'one (Nabu Casa, a reverse proxy), or choose "Send my token unencrypted to this address".',
  };
}
