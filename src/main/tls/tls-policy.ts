import type { PeerCertificate } from 'node:tls';
import type { Settings } from '../../shared/settings';
import type { TrustedCaSource } from './trusted-cas';

export type CertificatePin = Settings['trust']['certificates'][number];

/** What every TLS connection to Home Assistant (REST and WebSocket) is opened with. */
export interface TlsOptions {
  ca: string[];
  rejectUnauthorized: true;
  checkServerIdentity?: (host: string, cert: PeerCertificate) => Error | undefined;
}

export class CertificateChangedError extends Error {
  readonly code = 'CERT_PIN_MISMATCH';
}

/**
 * Never trust-all. An origin with a pinned certificate trusts that one certificate and nothing
 * else: OpenSSL refuses any other before a byte of the request is sent, and the fingerprint is
 * checked again here. It stands in for the name check, since the user compared this exact
 * certificate for this exact origin (a self-signed certificate rarely names the IP address it
 * is reached by). Any other https origin trusts the CAs of `cas`, with Node's own name check.
 */
export function tlsOptionsFor(
  origin: string,
  pins: readonly CertificatePin[],
  cas: TrustedCaSource,
): TlsOptions | undefined {
  if (!origin.startsWith('https:')) return undefined;
  const pin = pins.find((candidate) => candidate.origin === origin);
  if (!pin) return { ca: [...cas()], rejectUnauthorized: true };
  return {
    ca: [pin.pem],
    rejectUnauthorized: true,
    checkServerIdentity: (_host, cert) =>
      cert.fingerprint256 === pin.sha256
        ? undefined
        : new CertificateChangedError('The certificate is not the one the user trusted.'),
  };
}
