import { httpGet } from '../ha/http-get';
import type { TlsOptions } from '../tls/tls-policy';

export interface AddressProbeOptions {
  timeoutMs: number;
  /** The TLS policy of every connection to Home Assistant (src/main/tls/tls-policy.ts). */
  tlsFor: (origin: string) => TlsOptions | undefined;
}

/** Whether Home Assistant answers at an origin; never rejects. */
export type AddressProbe = (origin: string) => Promise<boolean>;

function isProviderList(body: string): boolean {
  try {
    const value: unknown = JSON.parse(body);
    const list = Array.isArray(value)
      ? value
      : (value as { providers?: unknown } | null)?.providers;
    return Array.isArray(list);
  } catch {
    return false;
  }
}

/**
 * Checks that Home Assistant answers at an address before the page offers it: `GET
 * /auth/providers`, which its own login page reads before anyone signs in. It needs no token (none
 * is ever sent here) and is never refused, so it cannot count toward Home Assistant's IP ban the
 * way a rejected `/api/` call would. 2024.1 answers a bare list, 2026.2 `{ providers: [...] }`.
 */
export function addressProbe({ timeoutMs, tlsFor }: AddressProbeOptions): AddressProbe {
  return async (origin) => {
    try {
      const response = await httpGet(`${origin}/auth/providers`, {
        headers: { Accept: 'application/json' },
        timeoutMs,
        tls: tlsFor(origin),
      });
      return response.status === 200 && isProviderList(response.body);
    } catch {
      return false;
    }
  };
}
