import type { LookupFunction } from 'node:net';
import { BAN_HELP } from '../../shared/connection-words';
import type { InstanceUrl } from '../../shared/instance-url';
import { httpRefusal, socketRefusal, type LoginRefusal } from '../../shared/login-refusal';
import type { ProbeFailureReason, ProbeResult } from '../../shared/probe';
import type { TlsOptions } from '../tls/tls-policy';
import { SocketOpenError } from './ha-socket';
import { httpGet, type HttpResponse } from './http-get';
import type { VerifiedUser } from './verify-token';

export interface ProbeOptions {
  timeoutMs?: number;
  /** The CAs or the pinned certificate for an https:// address (see tls-policy.ts). */
  tls?: TlsOptions;
  /** The origin has a certificate the user trusted by its fingerprint. */
  pinned?: boolean;
  lookup?: LookupFunction;
  /** Authenticates over the WebSocket, which is what the app needs to work. */
  verifyUser: (instance: InstanceUrl, token: string) => Promise<VerifiedUser>;
}

const failure = (reason: ProbeFailureReason, message: string): ProbeResult => ({
  ok: false,
  reason,
  message,
});

/** Network and TLS errors, by Node's error code. */
export function describeNetworkError(
  error: unknown,
  url: URL,
  timeoutMs: number,
  pinned = false,
): ProbeResult {
  const code = (error as { code?: string }).code ?? '';
  const host = url.hostname;
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  if (pinned && isCertificateError(code))
    return failure(
      'tls_changed',
      `The certificate of ${host} is not the one you trusted: it changed since. HA Tray sent nothing to it. ` +
        'If you replaced the certificate yourself, compare and trust the new one; otherwise someone may be ' +
        'intercepting the connection.',
    );
  switch (code) {
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_NONAME':
      return failure(
        'dns',
        `Cannot find ${host}. Check the address${host.endsWith('.local') ? '; .local names also need mDNS (Avahi or Bonjour) on this computer, or use the IP address' : ''}.`,
      );
    case 'ECONNREFUSED':
      return failure(
        'refused',
        `${host} refused the connection on port ${port}. Is Home Assistant running, and is the port right (usually 8123)?`,
      );
    case 'ETIMEDOUT':
    case 'ESOCKETTIMEDOUT':
      return failure(
        'timeout',
        `${host} did not answer within ${Math.round(timeoutMs / 1000)} seconds. Check that this computer can reach it (same network, VPN, firewall).`,
      );
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'EHOSTDOWN':
      return failure(
        'unreachable',
        `${host} cannot be reached from this computer. Check that you are on the right network.`,
      );
    case 'EPROTO':
    case 'ERR_SSL_WRONG_VERSION_NUMBER':
      return failure(
        'wrong_protocol',
        `${host} does not speak HTTPS on port ${port}. Try the address with http:// instead.`,
      );
    case 'ECONNRESET':
    case 'ERR_HTTP_HEADERS_INVALID':
    case 'HPE_INVALID_CONSTANT':
      return failure(
        'wrong_protocol',
        `${host} closed the connection. If Home Assistant uses HTTPS, use the address with https://.`,
      );
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
    case 'SELF_SIGNED_CERT_IN_CHAIN':
      return failure(
        'tls_self_signed',
        `${host} uses a self-signed certificate, which this computer does not trust. Compare its fingerprint and trust it, use a trusted certificate (for example Let’s Encrypt), or add your own certificate authority to the system’s trusted certificates.`,
      );
    case 'CERT_HAS_EXPIRED':
      return failure(
        'tls_expired',
        `The HTTPS certificate of ${host} has expired. Renew it in Home Assistant (or your proxy) and try again.`,
      );
    case 'ERR_TLS_CERT_ALTNAME_INVALID':
      return failure(
        'tls_hostname',
        `The HTTPS certificate of ${host} is for another name. Use the name the certificate was issued for.`,
      );
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
    case 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY':
    case 'UNABLE_TO_GET_ISSUER_CERT':
    case 'CERT_UNTRUSTED':
    case 'CERT_NOT_YET_VALID':
      return failure(
        'tls_untrusted',
        `The HTTPS certificate of ${host} is not trusted by this computer (${code}).`,
      );
    default:
      return failure('network', `Could not connect to ${host}${code ? ` (${code})` : ''}.`);
  }
}

const CERTIFICATE_ERROR =
  /^(CERT_|ERR_TLS_CERT|DEPTH_ZERO|SELF_SIGNED|UNABLE_TO_(VERIFY|GET_ISSUER))|PIN_MISMATCH/;

function isCertificateError(code: string): boolean {
  return CERTIFICATE_ERROR.test(code);
}

/** What the user reads when Home Assistant refuses the login (see login-refusal.ts). */
function refusalFailure(refusal: LoginRefusal): ProbeResult {
  return refusal === 'banned'
    ? failure('banned', BAN_HELP)
    : failure(
        'unauthorized',
        'Home Assistant rejected the token. It may have been deleted or have expired: create a new one in your Home Assistant profile and paste it here.',
      );
}

function describeStatus(response: HttpResponse, host: string): ProbeResult | null {
  const refusal = httpRefusal(response.status);
  if (refusal) return refusalFailure(refusal);
  switch (response.status) {
    case 200:
      return null;
    case 404:
      return failure(
        'not_home_assistant',
        `There is no Home Assistant API at ${host}. Check the address and port.`,
      );
    case 502:
    case 504:
      return failure(
        'proxy',
        `A proxy at ${host} answered but could not reach Home Assistant (HTTP ${response.status}). Is Home Assistant running?`,
      );
    case 503:
      return failure('starting', 'Home Assistant is starting or stopping. Try again in a minute.');
    default:
      return failure(
        'not_home_assistant',
        `${host} answered with HTTP ${response.status}; that is not how Home Assistant answers.`,
      );
  }
}

function parseJson(response: HttpResponse): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(response.body);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

/**
 * "Test connection": REST first (it tells DNS, TLS, 401, 403 and "not Home Assistant" apart),
 * then the WebSocket the app really uses (a reverse proxy without WebSocket support fails there).
 * No message ever contains the token.
 */
export async function probeConnection(
  instance: InstanceUrl,
  token: string,
  options: ProbeOptions,
): Promise<ProbeResult> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const url = new URL(instance.origin);
  const headers = { Authorization: `Bearer ${token}`, Accept: 'application/json' };
  const get = (path: string) =>
    httpGet(`${instance.origin}${path}`, {
      headers,
      timeoutMs,
      tls: options.tls,
      lookup: options.lookup,
    });
  const networkFailure = (error: unknown) =>
    describeNetworkError(error, url, timeoutMs, options.pinned);

  let api: HttpResponse;
  try {
    api = await get('/api/');
  } catch (error) {
    return networkFailure(error);
  }
  const statusProblem = describeStatus(api, url.host);
  if (statusProblem) return statusProblem;
  if (parseJson(api)?.message !== 'API running.') {
    return failure(
      'not_home_assistant',
      `${url.host} answered, but it is not the Home Assistant API. Check the address and port.`,
    );
  }

  let config: Record<string, unknown> | null;
  try {
    const response = await get('/api/config');
    config = response.status === 200 ? parseJson(response) : null;
  } catch (error) {
    return networkFailure(error);
  }
  if (!config || typeof config.version !== 'string') {
    return failure(
      'not_home_assistant',
      `${url.host} did not return Home Assistant’s configuration.`,
    );
  }
  if (config.state !== undefined && config.state !== 'RUNNING') {
    return failure('starting', 'Home Assistant is still starting. Try again in a minute.');
  }

  let user: VerifiedUser;
  try {
    user = await options.verifyUser(instance, token);
  } catch (error) {
    const refusal = socketRefusal(error instanceof SocketOpenError ? error.failure : null);
    if (refusal) return refusalFailure(refusal);
    return failure(
      'websocket',
      'Home Assistant answered, but its WebSocket connection failed. If you use a reverse proxy, enable WebSocket support in it (the Upgrade and Connection headers).',
    );
  }

  return {
    ok: true,
    origin: instance.origin,
    version: config.version,
    locationName: typeof config.location_name === 'string' ? config.location_name : 'Home',
    userName: user.name,
    userId: user.id,
    isAdmin: user.isAdmin,
  };
}
