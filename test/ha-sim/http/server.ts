import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { SimContext } from '../sim-context';
import type { SimConnection } from '../ws/connection';
import { runSocketSession } from '../ws/socket-session';
import { normaliseIp } from './ban';
import { authProviders } from './auth-providers';
import { serveAuthViews } from './auth-views';
import { sendHttpError, sendJson, sendServerError, sendUnavailable } from './responses';
import { matchRoute, serveRoute } from './rest';

/**
 * The HTTP side of the simulator: one listener for REST and the WebSocket upgrade, with Home
 * Assistant's middleware order: X-Forwarded-For from an unconfigured proxy (400), IP ban (403),
 * shutting down (503), routing (404/405), then authentication (401, counted toward the ban). The
 * sign-in views (auth-views.ts) need no token and count their own refusals.
 */
export class SimHttpServer {
  private server: Server | null = null;
  private listenPort: number;
  private readonly sockets = new Set<Duplex>();
  private readonly live = new Set<SimConnection>();
  private readonly wss = new WebSocketServer({ noServer: true, autoPong: false });

  constructor(
    private readonly sim: SimContext,
    private readonly host: string,
    port: number,
    private readonly authTimeoutMs: number,
  ) {
    this.listenPort = port;
  }

  get port(): number {
    return this.listenPort;
  }

  connections(): Iterable<SimConnection> {
    return this.live;
  }

  async listen(): Promise<void> {
    if (this.server) return;
    const server = createServer((req, res) => void this.onRequest(req, res));
    server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) =>
      this.onUpgrade(req, socket, head),
    );
    server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.listenPort, this.host, () => resolve());
    });
    const address = server.address();
    if (address && typeof address === 'object') this.listenPort = address.port;
    this.server = server;
  }

  /** Closes every WebSocket as `homeassistant_stop` does (no queued message goes out). */
  closeConnections(): void {
    for (const conn of this.live) conn.close(false);
  }

  /** Stops listening: new connections are refused; open HTTP connections are cut. */
  async close(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = null;
    this.closeConnections();
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    for (const socket of this.sockets) socket.destroy();
    await closed;
  }

  async shutdown(): Promise<void> {
    await this.close();
    this.wss.close();
  }

  /** Checks every request passes before routing; returns false when it was answered. */
  private admit(req: IncomingMessage, refuse: (status: 400 | 403) => void): boolean {
    if (req.headers['x-forwarded-for'] !== undefined) {
      refuse(400);
      return false;
    }
    if (this.sim.bans.isBanned(normaliseIp(req.socket.remoteAddress))) {
      refuse(403);
      return false;
    }
    return true;
  }

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const { sim } = this;
    sim.stats.restRequests++;
    // A dead network path: the request is never answered (the socket closes with the simulator).
    if (sim.faults.halfOpen) return;
    if (!this.admit(req, (status) => sendHttpError(res, status))) return;
    const path = new URL(req.url ?? '/', 'http://sim').pathname;
    // The WebSocket view without an upgrade: aiohttp refuses the handshake.
    if (path === '/api/websocket') return sendHttpError(res, 400);
    if (path === '/auth/providers' && req.method === 'GET')
      return sendJson(res, 200, authProviders(sim.generation));
    try {
      if (await serveAuthViews(sim, req, res, path, normaliseIp(req.socket.remoteAddress))) return;
    } catch {
      if (!res.headersSent) sendServerError(res);
      return;
    }
    const match = matchRoute(req.method ?? 'GET', path);
    if (match === 'not_found') return sendHttpError(res, 404);
    if (match === 'method_not_allowed') return sendHttpError(res, 405);
    if (sim.faults.stopping || sim.faults.starting) return sendUnavailable(res);
    const header = req.headers.authorization;
    const auth = header?.startsWith('Bearer ')
      ? await sim.auth.validate(header.slice('Bearer '.length))
      : null;
    if (!auth) {
      sim.stats.authFailures++;
      sim.bans.recordFailure(normaliseIp(req.socket.remoteAddress));
      return sendHttpError(res, 401);
    }
    try {
      await serveRoute(sim, req, res, auth.user, match);
    } catch {
      if (!res.headersSent) sendServerError(res);
    }
  }

  private onUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const { sim } = this;
    sim.stats.upgradeRequests++;
    if (sim.faults.halfOpen) return;
    const refuse = (status: number, reason: string) => {
      socket.end(
        `HTTP/1.1 ${status} ${reason}\r\nContent-Type: text/plain; charset=utf-8\r\nConnection: close\r\n\r\n${status}: ${reason}`,
      );
    };
    if (!this.admit(req, (status) => refuse(status, status === 400 ? 'Bad Request' : 'Forbidden')))
      return;
    if (new URL(req.url ?? '/', 'http://sim').pathname !== '/api/websocket')
      return refuse(404, 'Not Found');
    if (sim.faults.stopping) return refuse(503, 'Service Unavailable');
    const ip = normaliseIp(req.socket.remoteAddress);
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      this.live.add(
        runSocketSession(sim, ws, ip, this.authTimeoutMs, (conn) => this.live.delete(conn)),
      );
    });
  }
}
