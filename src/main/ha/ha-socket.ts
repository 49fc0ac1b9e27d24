import type { HaWebSocket } from 'home-assistant-js-websocket';
import WebSocket from 'ws';
import type { ConnectionStatus } from '../../shared/connection-status';
import { Emitter, throwLater } from '../../shared/emitter';
import { socketRefusal } from '../../shared/login-refusal';
import type { TlsOptions } from '../tls/tls-policy';

/** Why a socket could not be opened and authenticated. */
export type SocketFailure =
  | { kind: 'auth_invalid'; message: string }
  /** The HTTP upgrade was refused: 403 means Home Assistant banned this IP. */
  | { kind: 'http'; status: number }
  | { kind: 'network'; code: string; message: string }
  | { kind: 'timeout' }
  | { kind: 'closed' };

/** A failure in the words of the connection status ("Home Assistant refused the connection"). */
function describeSocketFailure(failure: SocketFailure): string {
  switch (failure.kind) {
    case 'network':
      return failure.code === 'ECONNREFUSED'
        ? 'Home Assistant refused the connection'
        : 'Home Assistant is not reachable';
    case 'timeout':
      return 'Home Assistant did not answer in time';
    case 'http':
      return `Home Assistant answered with HTTP ${failure.status}`;
    case 'auth_invalid':
      return failure.message;
    default:
      return 'The connection closed';
  }
}

export class SocketOpenError extends Error {
  constructor(readonly failure: SocketFailure) {
    super(`Could not open the Home Assistant WebSocket: ${failure.kind}`);
  }
}

/**
 * What a failed attempt to open a socket means: a status to stop at, when only the user may try
 * again (a rejected token; HTTP 403, this computer's IP address banned), or else the reason to
 * retry, in the words of the connection status. Anything unexpected counts as the network.
 */
export function attemptOutcome(
  error: unknown,
): { stop: ConnectionStatus; log: string } | { retry: string } {
  const failure: SocketFailure =
    error instanceof SocketOpenError
      ? error.failure
      : { kind: 'network', code: 'UNKNOWN', message: String(error) };
  const refusal = socketRefusal(failure);
  if (refusal === 'token_rejected')
    return {
      stop: { state: 'auth_failed', message: describeSocketFailure(failure) },
      log: 'Home Assistant rejected the token; no further attempts until a new one is saved',
    };
  if (refusal === 'banned')
    return {
      stop: { state: 'banned' },
      log: 'Home Assistant refused this computer (HTTP 403): its IP address is banned',
    };
  return { retry: describeSocketFailure(failure) };
}

type MessageEvent = { data: string };
type Listener = (event: MessageEvent) => void;

/**
 * What home-assistant-js-websocket sees of a socket. It JSON.parses every message inside its
 * listener; a frame that is not JSON would throw out of ws's event emitter and take the main
 * process down, so such frames are caught and reported here. Catching the library's parse error,
 * rather than parsing every frame first to check it, parses each frame once: a 5 MB snapshot
 * costs one JSON.parse, not two.
 */
class SocketAdapter {
  haVersion = '';
  readonly OPEN = WebSocket.OPEN;
  private readonly messages = new Emitter<MessageEvent>((error, { data }) => {
    // Only the (rare) failing frame is parsed again, to tell garbage from a real bug.
    if (isJson(data)) throwLater(error);
    else this.onGarbage(data.slice(0, 200));
  });
  private readonly closes = new Emitter<void>();

  constructor(
    private readonly ws: WebSocket,
    private readonly onGarbage: (frame: string) => void,
  ) {
    ws.on('message', (data, isBinary) => {
      const text = data.toString();
      if (isBinary) return this.onGarbage(text.slice(0, 200));
      this.messages.emit({ data: text });
    });
    ws.on('close', () => this.closes.emit());
    ws.on('error', () => {
      // 'close' follows every 'error'; the listener only keeps ws from throwing.
    });
  }

  get readyState(): number {
    return this.ws.readyState;
  }

  addEventListener(type: string, listener: Listener | (() => void)): void {
    if (type === 'message') this.messages.on(listener as Listener);
    if (type === 'close') this.closes.on(listener as () => void);
  }

  removeEventListener(type: string, listener: Listener | (() => void)): void {
    if (type === 'message') this.messages.off(listener as Listener);
    if (type === 'close') this.closes.off(listener as () => void);
  }

  send(data: string): void {
    this.ws.send(data);
  }

  close(): void {
    this.ws.close();
  }

  /** Drops the TCP connection at once: a half-open socket never completes a close handshake. */
  terminate(): void {
    this.ws.terminate();
  }
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

export interface OpenSocketOptions {
  wsUrl: string;
  token: string;
  /** Bounds the upgrade and the auth phase together. */
  timeoutMs: number;
  onGarbage?: (frame: string) => void;
  /** The CAs or the pinned certificate for wss:// (see tls-policy.ts). */
  tls?: TlsOptions;
}

export type OpenedSocket = HaWebSocket & { terminate(): void };

/** The TLS options of a wss:// address, in the form `ws` takes them; none for ws://. */
export function wsTlsOptions(wsUrl: string, tls: TlsOptions | undefined): WebSocket.ClientOptions {
  // ws hands these to tls.connect as they are; its typing of checkServerIdentity is not Node's.
  return (wsUrl.startsWith('wss:') ? (tls ?? {}) : {}) as WebSocket.ClientOptions;
}

/**
 * Opens a WebSocket on `ws` (Node has no WebSocket of its own before 22) and runs the auth
 * phase. One attempt only: retry policy belongs to the connection supervisor.
 */
export function openHaSocket({
  wsUrl,
  token,
  timeoutMs,
  onGarbage = () => {},
  tls,
}: OpenSocketOptions): Promise<OpenedSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(wsUrl, {
      handshakeTimeout: timeoutMs,
      followRedirects: false,
      ...wsTlsOptions(wsUrl, tls),
    });
    let settled = false;
    const finish = (error: SocketFailure | null, socket?: OpenedSocket) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (error) {
        ws.removeAllListeners();
        ws.on('error', () => {});
        ws.terminate();
        reject(new SocketOpenError(error));
      } else resolve(socket!);
    };
    const timer = setTimeout(() => finish({ kind: 'timeout' }), timeoutMs);

    ws.on('unexpected-response', (_req, res) =>
      finish({ kind: 'http', status: res.statusCode ?? 0 }),
    );
    ws.on('error', (err: NodeJS.ErrnoException) =>
      finish(
        err.message.includes('timed out')
          ? { kind: 'timeout' }
          : { kind: 'network', code: err.code ?? 'UNKNOWN', message: err.message },
      ),
    );
    ws.on('close', () => finish({ kind: 'closed' }));
    ws.on('message', (data) => {
      let message: { type?: string; ha_version?: string; message?: string };
      try {
        message = JSON.parse(data.toString());
      } catch {
        return;
      }
      if (message.type === 'auth_required') {
        ws.send(JSON.stringify({ type: 'auth', access_token: token }));
      } else if (message.type === 'auth_invalid') {
        finish({
          kind: 'auth_invalid',
          message: String(message.message ?? 'Invalid access token'),
        });
      } else if (message.type === 'auth_ok') {
        ws.removeAllListeners();
        const adapter = new SocketAdapter(ws, onGarbage);
        adapter.haVersion = String(message.ha_version ?? '');
        // As the library's own createSocket does: let the server coalesce messages (HA >= 2022.9).
        ws.send(
          JSON.stringify({ type: 'supported_features', id: 1, features: { coalesce_messages: 1 } }),
        );
        finish(null, adapter as unknown as OpenedSocket);
      }
    });
  });
}
