import { createServer, type Server } from 'node:http';

/**
 * A stand-in for an OAuth client's loopback listener, for tests that play the browser without the
 * app: bound to 127.0.0.1 on a free port, `client_id` is `http://127.0.0.1:PORT/` and the redirect
 * `http://127.0.0.1:PORT/callback`. It answers 200 to `GET /callback` and 404 to anything else,
 * and keeps every query it was sent.
 */
export class LoopbackRedirectListener {
  /** The query of each `GET /callback`, in order. */
  readonly queries: URLSearchParams[] = [];
  private readonly server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.method !== 'GET' || url.pathname !== '/callback') {
      res.writeHead(404).end();
      return;
    }
    this.queries.push(url.searchParams);
    res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' }).end('signed in');
  });
  private listenPort = 0;

  static async start(): Promise<LoopbackRedirectListener> {
    const listener = new LoopbackRedirectListener();
    await new Promise<void>((resolve) => listener.server.listen(0, '127.0.0.1', resolve));
    listener.listenPort = (listener.server.address() as { port: number }).port;
    return listener;
  }

  get port(): number {
    return this.listenPort;
  }

  get clientId(): string {
    return `http://127.0.0.1:${this.port}/`;
  }

  get redirectUri(): string {
    return `http://127.0.0.1:${this.port}/callback`;
  }

  /** The authorize URL an app would open on `origin`, with this listener's pair and `state`. */
  authorizeUrl(origin: string, state: string | null = 'state-1'): string {
    const url = new URL('/auth/authorize', origin);
    url.searchParams.set('response_type', 'code');
    url.searchParams.set('client_id', this.clientId);
    url.searchParams.set('redirect_uri', this.redirectUri);
    if (state !== null) url.searchParams.set('state', state);
    return url.toString();
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
