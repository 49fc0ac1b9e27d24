/** What "Test connection" found, in words a user understands. */
export type ProbeFailureReason =
  | 'invalid_url'
  | 'invalid_token'
  /** No token was typed, and the saved one belongs to another address. */
  | 'token_scope'
  /** http:// to an address outside the local network, without the user's consent. */
  | 'insecure_http'
  | 'dns'
  | 'refused'
  | 'timeout'
  | 'unreachable'
  | 'wrong_protocol'
  | 'tls_self_signed'
  | 'tls_expired'
  | 'tls_hostname'
  | 'tls_untrusted'
  /** The origin's pinned certificate is not the one presented now. */
  | 'tls_changed'
  | 'unauthorized'
  | 'banned'
  | 'not_home_assistant'
  | 'starting'
  | 'proxy'
  | 'websocket'
  | 'network';

export interface ProbeSuccess {
  ok: true;
  /** The normalised address that was tested. */
  origin: string;
  version: string;
  locationName: string;
  userName: string;
  userId: string;
  isAdmin: boolean;
}

export interface ProbeFailure {
  ok: false;
  reason: ProbeFailureReason;
  message: string;
}

export type ProbeResult = ProbeSuccess | ProbeFailure;

/**
 * Certificate problems that the user can solve by comparing the certificate's fingerprint and
 * trusting it (pinning it for this origin); an expired certificate is not one of them.
 */
const PINNABLE_CERTIFICATE_FAILURES: ReadonlySet<ProbeFailureReason> = new Set([
  'tls_self_signed',
  'tls_untrusted',
  'tls_hostname',
  'tls_changed',
]);

export function isPinnableCertificateFailure(reason: ProbeFailureReason): boolean {
  return PINNABLE_CERTIFICATE_FAILURES.has(reason);
}
