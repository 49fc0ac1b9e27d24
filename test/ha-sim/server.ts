import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { RawData } from 'ws';
import { WebSocketServer, type WebSocket } from 'ws';
import type { EntityState } from '../../src/shared/entity';
import { AuthStore, type SimUser } from './auth';
import { BanList, normaliseIp } from './ban';
import { COMMANDS } from './commands';
import { SimConnection } from './connection';
import type { RegistryEntry, ServiceCall, SimCore } from './core';
import { defaultHomeSpec, scaleHome, type Area, type Home } from './home';
import type { Message } from './messages';
import { error, extraKeys } from './messages';
import { handleRest, plainError } from './rest';
import { StateMachine, toEntityState } from './states';

export interface SimulatorOptions {
  host?: string;
  port?: number;
  home?: 'default' | { scale: number };
  eventRatePerSecond?: number;
  authTimeoutMs?: number;
  banThreshold?: number | null;
  haVersion?: string;
  locationName?: string;
}

export interface SimStats {
  authAttempts: number;
  authFailures: number;
  connectionsOpened: number;
  openSockets: number;
  restRequests: number;
  /** Every WebSocket upgrade request, accepted or refused (for example with 403 while banned). */
  upgradeRequests: number;
  /** Frames that carried several messages as one JSON array. */
  coalescedFrames: number;
}

/** A Home Assistant stand-in speaking its WebSocket and REST protocols over real sockets. */
export class HaSimulator implements SimCore {
  readonly auth = new AuthStore();
  readonly machine = new StateMachine();
  readonly areas: Area[];
  readonly registry = new Map<string, RegistryEntry>();
  readonly haVersion: string;
  readonly locationName: string;
  readonly owner: SimUser;
  readonly token: string;
  readonly serviceCalls: ServiceCall[] = [];
  readonly stats: SimStats = {
    authAttempts: 0,
    authFailures: 0,
    connectionsOpened: 0,
    openSockets: 0,
    restRequests: 0,
    upgradeRequests: 0,
    coalescedFrames: 0,
  };

  private readonly host: string;
  private listenPort: number;
  private readonly authTimeoutMs: number;
  private readonly bans: BanList;
  private readonly live = new Set<SimConnection>();
  private readonly rawSockets = new Set<Socket>();
  private readonly wss = new WebSocketServer({ noServer: true });
  private server: Server | null = null;
  private starting = false;
  private stopping = false;
  private halfOpen = false;
  private responseDelayMs = 0;
  private eventTimer: NodeJS.Timeout | null = null;

  constructor(options: SimulatorOptions = {}) {
    this.host = options.host ?? '127.0.0.1';
    this.listenPort = options.port ?? 0;
    this.authTimeoutMs = options.authTimeoutMs ?? 10_000;
    this.bans = new BanList(options.banThreshold ?? null);
    this.haVersion = options.haVersion ?? '2024.1.6';
    this.locationName = options.locationName ?? 'Home';
    const home: Home =
      options.home && options.home !== 'default' ? scaleHome(options.home.scale) : defaultHomeSpec();
    this.areas = home.areas;
    for (const entity of home.entities) {
      this.machine.set(entity.entity_id, entity.state, entity.attributes);
      this.registry.set(entity.entity_id, {
        entity_id: entity.entity_id,
        platform: entity.platform,
        area_id: entity.area,
        icon: undefined,
      });
    }
    this.owner = this.auth.createUser('Owner', { isOwner: true, isAdmin: true });
    this.token = this.auth.createLongLivedToken(this.owner.id, 'HA Tray tests');
    // Deleting a refresh token closes every socket it opened, without a message (auth/__init__.py).
    this.auth.onRevoke((id) => {
      for (const conn of this.live) if (conn.refreshTokenId === id) conn.close();
    });
    if (options.eventRatePerSecond && options.eventRatePerSecond > 0)
      this.startRandomEvents(options.eventRatePerSecond);
  }

  get port(): number {
    return this.listenPort;
  }

  get url(): string {
    const host = this.host.includes(':') ? `[${this.host}]` : this.host;
    return `http://${host}:${this.listenPort}`;
  }

  get bannedIps(): ReadonlySet<string> {
    return this.bans.banned;
  }

  // ---- lifecycle -------------------------------------------------------------------------------

  async start(): Promise<void> {
    if (this.server) return;
    const server = createServer((req, res) => void this.onRequest(req, res));
    server.on('upgrade', (req, socket, head) => this.onUpgrade(req, socket as Socket, head));
    server.on('connection', (socket) => {
      this.rawSockets.add(socket);
      socket.on('close', () => this.rawSockets.delete(socket));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.listenPort, this.host, () => resolve());
    });
    const address = server.address();
    if (address && typeof address === 'object') this.listenPort = address.port;
    this.server = server;
    this.stopping = false;
  }

  /** Goes down like `homeassistant_stop`: every socket closes and the port refuses connections. */
  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.stopping = true;
    this.server = null;
    for (const conn of this.live) conn.close(1001);
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    for (const socket of this.rawSockets) socket.destroy();
    await closed;
  }

  async restart(opts: { downMs?: number } = {}): Promise<void> {
    await this.stop();
    await new Promise((resolve) => setTimeout(resolve, opts.downMs ?? 200));
    await this.start();
  }

  async close(): Promise<void> {
    if (this.eventTimer) clearInterval(this.eventTimer);
    this.eventTimer = null;
    await this.stop();
    this.wss.close();
  }

  // ---- users, tokens, states -------------------------------------------------------------------

  createUser(name: string, opts: { isAdmin?: boolean } = {}): SimUser {
    return this.auth.createUser(name, { isAdmin: opts.isAdmin ?? false });
  }

  createLongLivedToken(userId: string, clientName: string, lifespanDays = 3650): string {
    return this.auth.createLongLivedToken(userId, clientName, lifespanDays);
  }

  revokeToken(token: string): void {
    const valid = this.auth.validate(token);
    if (valid) this.auth.deleteRefreshToken(valid.refreshToken.id);
  }

  refreshTokens(userId: string) {
    return this.auth.tokensOf(userId).map((t) => ({
      id: t.id,
      client_name: t.clientName,
      type: t.type,
      created_at: t.createdAt.toISOString(),
    }));
  }

  getState(entityId: string): EntityState | undefined {
    const state = this.machine.get(entityId);
    return state && toEntityState(state);
  }

  states(): EntityState[] {
    return this.machine.all().map(toEntityState);
  }

  setState(entityId: string, state: string, attributes?: Record<string, unknown>): void {
    this.machine.set(entityId, state, attributes);
    if (!this.registry.has(entityId))
      this.registry.set(entityId, { entity_id: entityId, platform: 'sim' });
  }

  removeEntity(entityId: string): void {
    this.machine.remove(entityId);
    this.registry.delete(entityId);
  }

  // ---- faults ----------------------------------------------------------------------------------

  setStarting(on: boolean): void {
    this.starting = on;
  }

  setHalfOpen(on: boolean): void {
    this.halfOpen = on;
  }

  setResponseDelay(ms: number): void {
    this.responseDelayMs = ms;
  }

  sendMalformedFrame(): void {
    for (const conn of this.live)
      if (conn.phase === 'ready') conn.sendRaw('{"id": 1, "type": "res');
  }

  unban(): void {
    this.bans.clear();
  }

  // ---- SimCore ---------------------------------------------------------------------------------

  isStarting(): boolean {
    return this.starting;
  }

  recordServiceCall(call: ServiceCall): void {
    this.serviceCalls.push(call);
  }

  connections(): Iterable<SimConnection> {
    return this.live;
  }

  // ---- HTTP ------------------------------------------------------------------------------------

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    this.stats.restRequests++;
    const ip = normaliseIp(req.socket.remoteAddress);
    if (this.bans.isBanned(ip)) return plainError(res, 403, 'Forbidden');
    if (this.stopping) return plainError(res, 503, 'Service Unavailable');
    const path = new URL(req.url ?? '/', 'http://sim').pathname;
    if (!path.startsWith('/api/')) {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.end(
        '<!DOCTYPE html><html><head><title>Home Assistant</title></head><body></body></html>',
      );
      return;
    }
    const header = req.headers.authorization;
    const token = header?.startsWith('Bearer ') ? header.slice(7) : undefined;
    const auth = this.auth.validate(token);
    if (!auth) {
      this.stats.authFailures++;
      if (token !== undefined) this.bans.recordFailure(ip);
      return plainError(res, 401, 'Unauthorized');
    }
    try {
      await handleRest(this, req, res, auth.user.id, path);
    } catch {
      if (!res.headersSent) plainError(res, 500, 'Internal Server Error');
    }
  }

  private onUpgrade(req: IncomingMessage, socket: Socket, head: Buffer): void {
    this.stats.upgradeRequests++;
    const ip = normaliseIp(req.socket.remoteAddress);
    const path = new URL(req.url ?? '/', 'http://sim').pathname;
    const refuse = (status: number, reason: string) => {
      socket.end(
        `HTTP/1.1 ${status} ${reason}\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\n${status}: ${reason}`,
      );
    };
    if (this.bans.isBanned(ip)) return refuse(403, 'Forbidden');
    if (path !== '/api/websocket') return refuse(404, 'Not Found');
    this.wss.handleUpgrade(req, socket, head, (ws) => this.onSocket(ws, ip));
  }

  // ---- WebSocket -------------------------------------------------------------------------------

  private onSocket(ws: WebSocket, ip: string): void {
    this.stats.connectionsOpened++;
    this.stats.openSockets++;
    const conn = new SimConnection(ws, ip, {
      halfOpen: () => this.halfOpen,
      responseDelayMs: () => this.responseDelayMs,
      onCoalesced: () => this.stats.coalescedFrames++,
    });
    this.live.add(conn);
    const authTimer = setTimeout(() => conn.close(), this.authTimeoutMs);
    ws.on('close', () => {
      clearTimeout(authTimer);
      this.stats.openSockets--;
      this.live.delete(conn);
      conn.close();
    });
    ws.on('error', () => conn.close());
    ws.on('message', (data: RawData, isBinary: boolean) => {
      if (this.halfOpen) return;
      if (isBinary) return conn.close();
      let parsed: unknown;
      try {
        parsed = JSON.parse(data.toString());
      } catch {
        // Home Assistant drops a client that sends invalid JSON.
        return conn.close();
      }
      if (conn.phase === 'auth') {
        clearTimeout(authTimer);
        this.onAuth(conn, parsed);
      } else {
        for (const msg of Array.isArray(parsed) ? parsed : [parsed]) this.onCommand(conn, msg);
      }
    });
    conn.send({ type: 'auth_required', ha_version: this.haVersion });
  }

  private onAuth(conn: SimConnection, msg: unknown): void {
    this.stats.authAttempts++;
    const fail = (message: string, countsTowardBan: boolean) => {
      this.stats.authFailures++;
      if (countsTowardBan) this.bans.recordFailure(conn.ip);
      conn.send({ type: 'auth_invalid', message });
      setImmediate(() => conn.close());
    };
    if (typeof msg !== 'object' || msg === null || Array.isArray(msg)) {
      return fail('Auth message incorrectly formatted: expected a dictionary', false);
    }
    const m = msg as Message;
    if (m.type !== 'auth')
      return fail(
        "Auth message incorrectly formatted: value must be one of ['auth'] for dictionary value @ data['type']",
        false,
      );
    const extra = extraKeys(m, ['access_token', 'api_password'], ['type']);
    if (extra) return fail(`Auth message incorrectly formatted: ${extra}`, false);
    const auth = this.auth.validate(m.access_token);
    if (!auth) return fail('Invalid access token or password', true);
    conn.user = auth.user;
    conn.refreshTokenId = auth.refreshToken.id;
    conn.phase = 'ready';
    conn.send({ type: 'auth_ok', ha_version: this.haVersion });
  }

  /** Dispatch as websocket_api/connection.py does, including its id and format rules. */
  private onCommand(conn: SimConnection, msg: unknown): void {
    const m = msg as Message;
    const id = typeof m === 'object' && m !== null && !Array.isArray(m) ? m.id : undefined;
    if (
      typeof m !== 'object' ||
      m === null ||
      Array.isArray(m) ||
      typeof id !== 'number' ||
      !Number.isInteger(id) ||
      id === 0 ||
      typeof m.type !== 'string' ||
      m.type === ''
    ) {
      return conn.replyError(
        typeof id === 'number' ? id : 0,
        'invalid_format',
        'Message incorrectly formatted.',
      );
    }
    if (id <= conn.lastId)
      return conn.replyError(id, 'id_reuse', 'Identifier values have to increase.');
    const command = COMMANDS[m.type];
    if (!command) return conn.replyError(id, 'unknown_command', 'Unknown command.');
    conn.lastId = id;
    const extra = extraKeys(m, command.keys);
    if (extra) return conn.replyError(id, 'invalid_format', extra);
    const missing = command.required?.find((key) => !(key in m));
    if (missing)
      return conn.replyError(
        id,
        'invalid_format',
        `required key not provided @ data['${missing}']`,
      );
    Promise.resolve()
      .then(() => command.handler(this, conn, m as Message & { id: number }))
      .catch((err: unknown) =>
        conn.reply(
          error(id, 'unknown_error', err instanceof Error ? err.message : 'Unknown error'),
        ),
      );
  }

  private startRandomEvents(perSecond: number): void {
    const sensors = () =>
      this.machine
        .all()
        .filter((s) => s.entity_id.startsWith('sensor.') && !Number.isNaN(Number(s.state)));
    this.eventTimer = setInterval(
      () => {
        const candidates = sensors();
        const pick = candidates[Math.floor(Math.random() * candidates.length)];
        if (!pick) return;
        const value = Math.round((Number(pick.state) + (Math.random() - 0.5)) * 10) / 10;
        this.machine.set(pick.entity_id, String(value));
      },
      Math.max(1, Math.round(1000 / perSecond)),
    );
    this.eventTimer.unref();
  }
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<HaSimulator> {
  const sim = new HaSimulator(options);
  await sim.start();
  return sim;
}
