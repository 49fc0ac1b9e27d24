import { X509Certificate } from 'node:crypto';
import { connect, type PeerCertificate } from 'node:tls';

export interface PresentedCertificate {
  pem: string;
  /** "AB:CD:...", as browsers and `openssl x509 -fingerprint -sha256` show it. */
  sha256: string;
  subject: string;
  issuer: string;
  validTo: string;
}

/**
 * The certificate a server presents, for the user to compare before trusting it. Only the TLS
 * handshake happens: the connection is closed before anything (no token, no request) is sent.
 */
export function fetchPresentedCertificate(
  origin: string,
  timeoutMs: number,
): Promise<PresentedCertificate> {
  const url = new URL(origin);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  return new Promise((resolve, reject) => {
    const socket = connect({
      host,
      port: Number(url.port || 443),
      servername: /^[\d.]+$|:/.test(host) ? undefined : host,
      // Read only, never used: the socket is destroyed on the next line that runs.
      rejectUnauthorized: false,
    });
    const timer = setTimeout(
      () => socket.destroy(Object.assign(new Error('timed out'), { code: 'ETIMEDOUT' })),
      timeoutMs,
    );
    socket.once('secureConnect', () => {
      const peer: PeerCertificate = socket.getPeerCertificate();
      socket.destroy();
      clearTimeout(timer);
      if (!peer.raw) return reject(new Error('The server presented no certificate.'));
      const x509 = new X509Certificate(peer.raw);
      resolve({
        pem: x509.toString(),
        sha256: x509.fingerprint256,
        subject: x509.subject.replace(/\n/g, ', '),
        issuer: x509.issuer.replace(/\n/g, ', '),
        validTo: x509.validTo,
      });
    });
    socket.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}
