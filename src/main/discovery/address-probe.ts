import { checkLoginPage } from '../ha/login-page-check';
import type { TlsOptions } from '../tls/tls-policy';

export interface AddressProbeOptions {
  timeoutMs: number;
  /** The TLS policy of every connection to Home Assistant (src/main/tls/tls-policy.ts). */
  tlsFor: (origin: string) => TlsOptions | undefined;
}

/** Whether Home Assistant answers at an origin; never rejects. */
export type AddressProbe = (origin: string) => Promise<boolean>;

/** Checks that Home Assistant's login answers at an address before the page offers it. */
export function addressProbe({ timeoutMs, tlsFor }: AddressProbeOptions): AddressProbe {
  return async (origin) => (await checkLoginPage(origin, { timeoutMs, tls: tlsFor(origin) })).ok;
}
