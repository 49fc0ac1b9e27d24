import type { Connection, MessageBase } from 'home-assistant-js-websocket';
import type { InstanceUrl } from '../../shared/instance-url';
import type { ConnectionStatus } from '../../shared/connection-status';
import { Emitter } from '../../shared/emitter';
import { UserFacingError } from '../../shared/user-facing-error';
import { runDetached } from '../detached';
import type { Logger } from '../log/logger';
import { logListenerError } from '../log/listener-errors';
import { DEFAULT_RETRY, retryDelay, type RetryPolicy } from './backoff';
import type { Clock } from './clock';
import { systemClock } from './clock';
import type { EntitiesEvent } from './compressed-state';
import type { EntityStore } from './entity-store';
import {
  ALL_ENTITIES,
  sameScope,
  subscribeEntitiesMessage,
  type EntityScope,
} from './entity-scope';
import { isRefusedAsTooOld } from './ha-version';
import type { OpenedSocket, SocketFailure } from './ha-socket';
import { SocketOpenError } from './ha-socket';
import { checkLiveness, type Liveness } from './liveness';
import { isLocalAddress } from './local-address';
import { closeConnection } from './socket-close';
import { openConnection, verifyToken, type OpenOptions, type VerifiedUser } from './verify-token';
import type { TlsOptions } from '../tls/tls-policy';

export interface Credentials {
  instance: InstanceUrl;
  token: string;
}

export type OpenedConnection = { conn: Connection; socket: OpenedSocket };

/** One `subscribe_entities` on one connection; `unsubscribe` once Home Assistant accepted it. */
interface EntitySubscription {
  conn: Connection;
  unsubscribe: Promise<() => Promise<void>> | null;
}

/** How the supervisor reaches Home Assistant; real sockets unless a test or the bench injects a fake. */
export interface HaTransport {
  open(credentials: Credentials, options: OpenOptions): Promise<OpenedConnection>;
  checkLiveness(instance: InstanceUrl, timeoutMs: number, tls?: TlsOptions): Promise<Liveness>;
}

const socketTransport: HaTransport = {
  open: (credentials, options) => openConnection(credentials.instance, credentials.token, options),
  checkLiveness: (instance, timeoutMs, tls) => checkLiveness(instance.wsUrl, timeoutMs, tls),
};

export interface ConnectionSupervisorOptions {
  store: EntityStore;
  logger: Logger;
  clock?: Clock;
  random?: () => number;
  retry?: Partial<RetryPolicy>;
  transport?: HaTransport;
  /** An app-level ping catches half-open sockets (after sleep, Wi-Fi changes) that TCP does not. */
  pingIntervalMs?: number;
  pingTimeoutMs?: number;
  connectTimeoutMs?: number;
  /** TLS options per origin: trusted CAs or a pinned certificate (src/main/tls/tls-policy.ts). */
  tlsFor?: (origin: string) => TlsOptions | undefined;
}

/** How long a closing socket may take over its close handshake before it is cut off. */
const CLOSE_GRACE_MS = 1_000;

const reasonOf = (failure: SocketFailure): string => {
  switch (failure.kind) {
    case 'network':
      return failure.code === 'ECONNREFUSED'
        ? 'Home Assistant refused the connection'
        : 'Home Assistant is not reachable';
    case 'timeout':
      return 'Home Assistant did not answer in time';
    case 'http':
      return `Home Assistant answered with HTTP ${failure.status}`;
    default:
      return 'The connection closed';
  }
};

/**
 * One persistent WebSocket to Home Assistant, on home-assistant-js-websocket. The library's own
 * reconnect loop (fixed delays, forever, no ban detection) is not used: each connection is closed
 * as soon as it drops. This class then looks for the server's return with a liveness check that
 * sends no token (quickly while the outage is young, with backoff after that and for remote
 * addresses), logs in once it answers, stops on a rejected token or an IP ban (Home Assistant
 * bans IPs that keep failing), and re-subscribes to entities on every new connection so that
 * each snapshot replaces the store.
 */
export class ConnectionSupervisor {
  private credentials: Credentials | null = null;
  private current: OpenedConnection | null = null;
  /** Sockets closed and not yet gone: a dispose waits for them. */
  private readonly closing = new Set<Promise<void>>();
  private status: ConnectionStatus = { state: 'not_configured' };
  private readonly statusChanges: Emitter<ConnectionStatus>;
  private attempt = 0;
  /** When the server stopped answering, for the retry policy; null while connected. */
  private outageSince: number | null = null;
  private retryTimer: unknown = null;
  private scope: EntityScope = ALL_ENTITIES;
  /** The subscription that feeds the store. */
  private activeEntities: EntitySubscription | null = null;
  /** A subscription for a new scope (or connection) that takes over with its first snapshot. */
  private pendingEntities: EntitySubscription | null = null;
  /** This connection's Home Assistant refused `entity_ids`: every entity, until the next one. */
  private entityIdsRefused = false;
  private pingTimer: unknown = null;
  private online = true;
  /** A token switch under way, so that a second request for the same token joins it. */
  private switching: { token: string; done: Promise<void> } | null = null;
  /** Bumped whenever credentials change or the supervisor stops: stale attempts see it and quit. */
  private generation = 0;

  private readonly clock: Clock;
  private readonly random: () => number;
  private readonly retry: RetryPolicy;
  private readonly transport: HaTransport;
  private readonly pingIntervalMs: number;
  private readonly pingTimeoutMs: number;
  private readonly connectTimeoutMs: number;

  constructor(private readonly options: ConnectionSupervisorOptions) {
    this.clock = options.clock ?? systemClock;
    this.random = options.random ?? Math.random;
    this.retry = { ...DEFAULT_RETRY, ...options.retry };
    this.transport = options.transport ?? socketTransport;
    this.pingIntervalMs = options.pingIntervalMs ?? 30_000;
    this.pingTimeoutMs = options.pingTimeoutMs ?? 10_000;
    this.connectTimeoutMs = options.connectTimeoutMs ?? 10_000;
    this.statusChanges = new Emitter(logListenerError(options.logger, 'the connection status'));
  }

  getStatus(): ConnectionStatus {
    return this.status;
  }

  onStatus(listener: (status: ConnectionStatus) => void): () => void {
    return this.statusChanges.on(listener);
  }

  /** The live library connection, for commands; null while not connected. */
  connection(): Connection | null {
    return this.current?.conn ?? null;
  }

  /**
   * New credentials (or none): drops the current connection and starts over. The same credentials
   * again keep the live connection; with `restart`, the user saved them again after a successful
   * test, so a connection that gave up (rejected token, ban) or is waiting tries again at once.
   */
  setCredentials(credentials: Credentials | null, { restart = false } = {}): void {
    const current = this.credentials;
    if (credentials && current && credentials.instance.origin === current.instance.origin) {
      if (credentials.token === current.token || credentials.token === this.switching?.token) {
        if (restart && !this.current && this.status.state !== 'connecting')
          this.restart(credentials);
        return;
      }
      // A new token for the same Home Assistant while connected (a rotation, a pasted token):
      // move over without the user seeing a disconnect; fall back to a fresh start if it fails.
      if (this.current) {
        this.switchToken(credentials.token).catch((error: unknown) => {
          this.options.logger.warn('Switching to the new token failed; reconnecting', error);
          if (this.credentials?.token !== credentials.token) this.restart(credentials);
        });
        return;
      }
    }
    this.restart(credentials);
  }

  private restart(credentials: Credentials | null): void {
    this.generation++;
    this.clearRetry();
    this.dropCurrent();
    const sameInstance =
      credentials && this.credentials?.instance.origin === credentials.instance.origin;
    this.credentials = credentials;
    this.attempt = 0;
    this.outageSince = null;
    if (!sameInstance) this.options.store.clear();
    if (!credentials) return this.setStatus({ state: 'not_configured' });
    if (!this.online) return this.setStatus({ state: 'offline' });
    this.setStatus({ state: 'connecting' });
    this.detached(this.connect(this.generation), 'Connecting to Home Assistant');
  }

  /**
   * For resume from sleep, a screen unlock and the network coming back: verify a live connection
   * at once, or look for the server now instead of after the wait. Does nothing after a rejected
   * token or a ban: only the user may try those again (`reconnectNow`).
   */
  wake(): void {
    if (!this.credentials || !this.canRetry()) return;
    if (this.current) {
      this.detached(this.checkAlive(), 'Checking the connection');
      return;
    }
    if (this.status.state === 'connecting') return;
    this.clearRetry();
    // The network may just have changed: look quickly again.
    this.outageSince = this.clock.now();
    this.attempt = 0;
    this.detached(this.recover(this.generation), 'Looking for Home Assistant');
  }

  /**
   * "Reconnect now", asked by the user: exactly one attempt, even after a rejected token (fixed on
   * the server since) or a ban (lifted since). If it is refused again, the supervisor stops again;
   * if the server is only unreachable, the usual retries follow.
   */
  reconnectNow(): void {
    if (!this.credentials) return;
    if (this.current) {
      this.detached(this.checkAlive(), 'Checking the connection');
      return;
    }
    if (this.status.state === 'connecting') return;
    this.clearRetry();
    this.attempt = 0;
    this.setStatus({ state: 'connecting' });
    this.detached(this.connect(this.generation), 'Connecting to Home Assistant');
  }

  setOnline(online: boolean): void {
    if (this.online === online) return;
    this.online = online;
    if (!online && !this.current && this.credentials && this.canRetry()) {
      this.clearRetry();
      this.setStatus({ state: 'offline' });
    } else if (online && this.status.state === 'offline') {
      this.wake();
    }
  }

  /**
   * Moves the live connection to a new token without the user seeing a disconnect: a second
   * connection authenticates with it first, then replaces the first. Throws if the token fails.
   */
  switchToken(token: string): Promise<void> {
    const credentials = this.credentials;
    if (!credentials)
      return Promise.reject(new UserFacingError('HA Tray is not connected to a Home Assistant.'));
    if (credentials.token === token && this.current) return Promise.resolve();
    if (this.switching?.token === token) return this.switching.done;
    const done = (async () => {
      try {
        const opened = await this.open({ ...credentials, token });
        this.credentials = { ...credentials, token };
        this.generation++;
        this.clearRetry();
        const since = this.status.state === 'connected' ? this.status.since : this.clock.now();
        this.dropCurrent();
        this.adopt(opened, since);
      } finally {
        this.switching = null;
      }
    })();
    this.switching = { token, done };
    return done;
  }

  /** Authenticates a token on a fresh, short-lived connection and says whose it is. */
  async verifyToken(token: string, instance?: InstanceUrl): Promise<VerifiedUser> {
    const target = instance ?? this.credentials?.instance;
    if (!target) throw new UserFacingError('HA Tray is not connected to a Home Assistant.');
    return verifyToken(target, token, {
      timeoutMs: this.connectTimeoutMs,
      tls: this.options.tlsFor?.(target.origin),
    });
  }

  /**
   * Subscribes to these entities from now on. On a live connection the new subscription takes
   * over with its snapshot, and the old one feeds the store until then: entities in both scopes
   * keep their state throughout, so nothing they drive notifies or flickers.
   */
  setEntityScope(scope: EntityScope): void {
    if (sameScope(scope, this.scope)) return;
    this.scope = scope;
    if (this.current && !this.entityIdsRefused) this.subscribeEntities(this.current.conn);
  }

  /** Sends a command on the live connection. */
  async send<T>(message: MessageBase): Promise<T> {
    const conn = this.connection();
    if (!conn)
      throw new UserFacingError(
        'HA Tray is not connected to Home Assistant right now.',
        'not_connected',
      );
    return conn.sendMessagePromise<T>(message);
  }

  /**
   * Stops for good; resolves once the socket has closed, so that what its end sets off (requests
   * in flight rejected, their log lines) has happened when the app quits.
   */
  async dispose(): Promise<void> {
    this.generation++;
    this.clearRetry();
    this.dropCurrent();
    this.credentials = null;
    this.statusChanges.clear();
    await Promise.all(this.closing);
  }

  // ---------------------------------------------------------------------------------------------

  private open(credentials: Credentials): Promise<OpenedConnection> {
    return this.transport.open(credentials, {
      timeoutMs: this.connectTimeoutMs,
      tls: this.options.tlsFor?.(credentials.instance.origin),
      onGarbage: (frame) =>
        this.options.logger.warn('Ignored a frame from Home Assistant that is not JSON', { frame }),
    });
  }

  private async connect(generation: number): Promise<void> {
    const credentials = this.credentials;
    if (!credentials) return;
    try {
      const opened = await this.open(credentials);
      if (generation !== this.generation) return this.close(opened);
      this.adopt(opened, this.clock.now());
    } catch (error) {
      if (generation !== this.generation) return;
      this.onConnectFailed(error);
    }
  }

  private onConnectFailed(error: unknown): void {
    const failure: SocketFailure =
      error instanceof SocketOpenError
        ? error.failure
        : { kind: 'network', code: 'UNKNOWN', message: String(error) };
    if (failure.kind === 'auth_invalid') {
      this.options.logger.warn(
        'Home Assistant rejected the token; no further attempts until a new one is saved',
      );
      return this.setStatus({ state: 'auth_failed', message: failure.message });
    }
    if (failure.kind === 'http' && failure.status === 403) {
      this.options.logger.warn(
        'Home Assistant refused this computer (HTTP 403): its IP address is banned',
      );
      return this.setStatus({ state: 'banned' });
    }
    if (this.attempt <= 1)
      this.options.logger.info(`Connecting to Home Assistant failed: ${reasonOf(failure)}`);
    this.scheduleRetry(reasonOf(failure));
  }

  /**
   * Looks whether the server answers (its greeting, no token sent) and logs in only when it does:
   * however long the outage, a recovery costs Home Assistant one login.
   */
  private async recover(generation: number): Promise<void> {
    const credentials = this.credentials;
    if (!credentials) return;
    const liveness = await this.transport.checkLiveness(
      credentials.instance,
      this.connectTimeoutMs,
      // The same trust as the login itself: a pinned or privately signed server must look alive.
      this.options.tlsFor?.(credentials.instance.origin),
    );
    if (generation !== this.generation) return;
    if (liveness.alive) return this.connect(generation);
    this.onConnectFailed(new SocketOpenError(liveness.failure));
  }

  private scheduleRetry(reason: string): void {
    if (!this.online) return this.setStatus({ state: 'offline' });
    const now = this.clock.now();
    this.outageSince ??= now;
    this.attempt++;
    const { delayMs, quick } = retryDelay(
      {
        attempt: this.attempt,
        outageMs: now - this.outageSince,
        local: isLocalAddress(this.credentials?.instance.origin ?? ''),
      },
      this.retry,
      this.random,
    );
    const generation = this.generation;
    const previous = this.status;
    // Quick looks come several times a second: the status changes only when there is news.
    if (!quick || previous.state !== 'reconnecting' || previous.reason !== reason)
      this.setStatus({
        state: 'reconnecting',
        attempt: this.attempt,
        nextRetryAt: now + delayMs,
        reason,
      });
    this.retryTimer = this.clock.setTimeout(() => {
      this.retryTimer = null;
      if (generation === this.generation)
        this.detached(this.recover(generation), 'Looking for Home Assistant');
    }, delayMs);
  }

  private adopt(opened: OpenedConnection, since: number): void {
    const { conn } = opened;
    this.current = opened;
    this.attempt = 0;
    this.outageSince = null;
    conn.addEventListener('disconnected', () => this.onDisconnected(conn));
    this.entityIdsRefused = false;
    this.activeEntities = null;
    this.subscribeEntities(conn);
    this.startPing();
    this.setStatus({ state: 'connected', since, haVersion: conn.haVersion });
  }

  private subscribeEntities(conn: Connection): void {
    const message = subscribeEntitiesMessage(
      this.entityIdsRefused ? ALL_ENTITIES : this.scope,
      conn.haVersion,
    );
    const subscription: EntitySubscription = { conn, unsubscribe: null };
    this.pendingEntities = subscription;
    let snapshotReceived = false;
    subscription.unsubscribe = conn.subscribeMessage<EntitiesEvent>(
      (event) => {
        if (this.current?.conn !== conn) return;
        if (snapshotReceived) {
          if (this.activeEntities === subscription) this.options.store.apply(event);
          return;
        }
        snapshotReceived = true;
        // A newer scope was asked for meanwhile: its own subscription takes over instead.
        if (this.pendingEntities !== subscription) return this.endEntities(subscription);
        const previous = this.activeEntities;
        this.pendingEntities = null;
        this.activeEntities = subscription;
        this.options.store.replace(event.a ?? {});
        if (previous) this.endEntities(previous);
      },
      message,
      { resubscribe: false },
    );
    subscription.unsubscribe.catch((error: unknown) => {
      if (this.pendingEntities !== subscription) return;
      if (message.entity_ids && isRefusedAsTooOld(error)) {
        this.options.logger.info('Home Assistant cannot filter entities; subscribing to all');
        this.entityIdsRefused = true;
        return this.subscribeEntities(conn);
      }
      this.options.logger.warn('Subscribing to entities failed', error);
    });
  }

  private endEntities(subscription: EntitySubscription): void {
    if (this.current?.conn !== subscription.conn) return;
    if (subscription.unsubscribe)
      runDetached(
        subscription.unsubscribe.then((unsubscribe) => unsubscribe()),
        this.options.logger,
        'Unsubscribing entities',
      );
  }

  private onDisconnected(conn: Connection): void {
    if (this.current?.conn !== conn) return;
    this.options.logger.info('Lost the connection to Home Assistant');
    this.dropCurrent();
    this.scheduleRetry('The connection was lost');
  }

  private async checkAlive(): Promise<void> {
    const current = this.current;
    if (!current) return;
    let timer: unknown;
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = this.clock.setTimeout(() => resolve('timeout'), this.pingTimeoutMs);
    });
    const answer = await Promise.race([
      current.conn.ping().then(
        () => 'pong' as const,
        () => 'lost' as const,
      ),
      timedOut,
    ]);
    this.clock.clearTimeout(timer);
    if (answer === 'timeout' && this.current === current) {
      this.options.logger.warn('Home Assistant did not answer a ping; reconnecting');
      // A half-open socket never finishes a close handshake: drop it outright.
      current.socket.terminate();
    }
  }

  private detached(task: Promise<unknown>, what: string): void {
    runDetached(task, this.options.logger, what);
  }

  private startPing(): void {
    this.stopPing();
    const tick = () => {
      this.pingTimer = this.clock.setTimeout(() => {
        this.detached(
          this.checkAlive().finally(() => {
            if (this.current) tick();
          }),
          'Checking the connection',
        );
      }, this.pingIntervalMs);
    };
    tick();
  }

  private stopPing(): void {
    if (this.pingTimer !== null) this.clock.clearTimeout(this.pingTimer);
    this.pingTimer = null;
  }

  private clearRetry(): void {
    if (this.retryTimer !== null) this.clock.clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  private dropCurrent(): void {
    this.stopPing();
    const current = this.current;
    this.current = null;
    this.activeEntities = null;
    this.pendingEntities = null;
    if (current) this.close(current);
  }

  private close(opened: OpenedConnection): void {
    const closed = closeConnection(opened, this.clock, CLOSE_GRACE_MS).finally(() =>
      this.closing.delete(closed),
    );
    this.closing.add(closed);
  }

  private canRetry(): boolean {
    return this.status.state !== 'auth_failed' && this.status.state !== 'banned';
  }

  private setStatus(status: ConnectionStatus): void {
    this.status = status;
    this.statusChanges.emit(status);
  }
}
