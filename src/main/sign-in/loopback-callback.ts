import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Clock } from '../ha/clock';
import { CALLBACK_PAGE_CSP, callbackPage } from './callback-page';

/** How a browser sign-in came back to HA Tray, or why it did not. */
export type CallbackOutcome =
  | { kind: 'code'; code: string }
  /** Home Assistant (or the user) said no: `error=access_denied` and the like. */
  | { kind: 'refused'; error: string }
  /** The redirect's `state` is missing or not ours: someone else's redirect, never used. */
  | { kind: 'wrong_state' }
  | { kind: 'timed_out' }
  | { kind: 'cancelled' };

export interface LoopbackCallback {
  /** `http://127.0.0.1:PORT/`: the OAuth client id, which Home Assistant's consent page names. */
  readonly clientId: string;
  /** `http://127.0.0.1:PORT/callback`: same scheme, host and port, so Home Assistant accepts it. */
  readonly redirectUri: string;
  /** Random per attempt: a redirect without it is not the one this attempt asked for. */
  readonly state: string;
  /** Settles once: the first callback, the timeout, or `cancel`. The listener is closed by then. */
  readonly outcome: Promise<CallbackOutcome>;
  cancel(): void;
}

/** How long the browser has to come back: the user may need to find a password. */
export const CALLBACK_TIMEOUT_MS = 5 * 60_000;

const PAGES = {
  done: callbackPage(
    'You can close this tab',
    'HA Tray got the sign-in from Home Assistant and is finishing it. Go back to HA Tray.',
  ),
  refused: callbackPage(
    'Sign-in did not finish',
    'Home Assistant did not let HA Tray sign in. Close this tab and try again from HA Tray.',
  ),
  wrongState: callbackPage(
    'Sign-in did not finish',
    'This sign-in link is not the one HA Tray is waiting for, so HA Tray did not use it. Close this tab and start the sign-in again from HA Tray.',
  ),
};

/**
 * Waits for Home Assistant's redirect on 127.0.0.1 at a random port. Only `GET /callback` with
 * this attempt's `state` counts; any other path or method gets 404, and a request naming another
 * host (a DNS-rebinding page) gets 404 too. The listener closes after the first callback, on
 * cancel, or after the timeout, whichever comes first.
 */
export async function openLoopbackCallback(
  clock: Clock,
  timeoutMs = CALLBACK_TIMEOUT_MS,
): Promise<LoopbackCallback> {
  const state = randomBytes(24).toString('base64url');
  let settle!: (outcome: CallbackOutcome) => void;
  const outcome = new Promise<CallbackOutcome>((resolve) => (settle = resolve));
  let settled = false;
  const server = createServer((req, res) => {
    if (settled) return notFound(res);
    const answer = readCallback(req, host, state);
    if (!answer) return notFound(res);
    send(
      res,
      200,
      answer.kind === 'code'
        ? PAGES.done
        : answer.kind === 'refused'
          ? PAGES.refused
          : PAGES.wrongState,
    );
    finish(answer);
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = `127.0.0.1:${port}`;
  const timer = clock.setTimeout(() => finish({ kind: 'timed_out' }), timeoutMs);

  function finish(result: CallbackOutcome): void {
    if (settled) return;
    settled = true;
    clock.clearTimeout(timer);
    // The browser's own connection may stay open: close it so the port is free at once.
    server.close();
    server.closeAllConnections();
    settle(result);
  }

  return {
    clientId: `http://${host}/`,
    redirectUri: `http://${host}/callback`,
    state,
    outcome,
    cancel: () => finish({ kind: 'cancelled' }),
  };
}

function readCallback(
  req: IncomingMessage,
  host: string,
  state: string,
): Exclude<CallbackOutcome, { kind: 'timed_out' | 'cancelled' }> | null {
  if (req.method !== 'GET' || req.headers.host !== host) return null;
  const url = new URL(req.url ?? '/', `http://${host}`);
  if (url.pathname !== '/callback') return null;
  const params = url.searchParams;
  if (params.get('state') !== state) return { kind: 'wrong_state' };
  const error = params.get('error');
  if (error !== null) return { kind: 'refused', error: error.slice(0, 64) };
  const code = params.get('code');
  if (!code) return { kind: 'refused', error: 'no_code' };
  return { kind: 'code', code };
}

function send(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': CALLBACK_PAGE_CSP,
    'cache-control': 'no-store',
    'referrer-policy': 'no-referrer',
    'x-content-type-options': 'nosniff',
    connection: 'close',
  });
  res.end(body);
}

function notFound(res: ServerResponse): void {
  res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', connection: 'close' });
  res.end('Not found');
}
