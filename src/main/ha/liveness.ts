import WebSocket from 'ws';
import type { TlsOptions } from '../tls/tls-policy';
import type { SocketFailure } from './ha-socket';
import { wsTlsOptions } from './ha-socket';

export type Liveness = { alive: true } | { alive: false; failure: SocketFailure };

/**
 * Whether Home Assistant answers, at no cost to it: opens its WebSocket, waits for the
 * `auth_required` greeting and closes without logging in. No token is sent, so this never counts
 * as a failed login toward an IP ban (an unauthenticated `GET /api/` would). A 403 on the upgrade
 * still says the address is banned.
 */
export function checkLiveness(
  wsUrl: string,
  timeoutMs: number,
  tls?: TlsOptions,
): Promise<Liveness> {
  return new Promise((resolve) => {
    const ws = new WebSocket(wsUrl, {
      handshakeTimeout: timeoutMs,
      followRedirects: false,
      ...wsTlsOptions(wsUrl, tls),
    });
    let settled = false;
    const finish = (result: Liveness) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      ws.removeAllListeners();
      ws.on('error', () => {});
      ws.terminate();
      resolve(result);
    };
    const timer = setTimeout(
      () => finish({ alive: false, failure: { kind: 'timeout' } }),
      timeoutMs,
    );
    ws.on('unexpected-response', (_req, res) =>
      finish({ alive: false, failure: { kind: 'http', status: res.statusCode ?? 0 } }),
    );
    ws.on('error', (err: NodeJS.ErrnoException) =>
      finish({
        alive: false,
        failure: { kind: 'network', code: err.code ?? 'UNKNOWN', message: err.message },
      }),
    );
    ws.on('close', () => finish({ alive: false, failure: { kind: 'closed' } }));
    ws.on('message', (data) => {
      if (isGreeting(data.toString())) finish({ alive: true });
    });
  });
}

function isGreeting(text: string): boolean {
  try {
    return (JSON.parse(text) as { type?: unknown }).type === 'auth_required';
  } catch {
    return false;
  }
}
