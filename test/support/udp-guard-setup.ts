import { afterEach } from 'vitest';
import { installUdpGuard } from './network-guard';

// The test workers run in the host's network: a UDP packet or a multicast join made here (an mDNS
// query of the discovery, say) would reach the real network. The guard refuses each, and the test
// that made one fails. Only a helper process in a network namespace of its own may use multicast
// (test/discovery/responder-in-namespace.ts).
const guard = installUdpGuard();

afterEach(() => {
  const stray = guard.violations.splice(0);
  if (stray.length > 0)
    throw new Error(
      `UDP outside a test network namespace (test/support/network-guard.ts): ${stray.join(', ')}`,
    );
});
