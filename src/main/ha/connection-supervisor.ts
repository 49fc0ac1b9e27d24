import type { Connection, MessageBase } from 'home-assistant-js-websocket';
import { connectionCategory, type ConnectionStatus } from '../../shared/connection-status';
import { Emitter } from '../../shared/emitter';
import type { InstanceUrl } from '../../shared/instance-url';
import { runDetached } from '../detached';
import { logListenerError } from '../log/listener-errors';
import { DEFAULT_RETRY, RetrySchedule, type RetryPolicy } from './backoff';
import { systemClock, type Clock } from './clock';
import { attemptOutcome, SocketOpenError } from './ha-socket';
import {
  credentialsChange,
  Dialer,
  notConnected,
  type Credentials,
  type DialerOptions,
  type OpenedConnection,
} from './ha-transport';
import { Heartbeat, type HeartbeatOptions } from './heartbeat';
import { isLocalAddress } from './local-address';
import { closeConnection } from './socket-close';
import { TokenSwitch } from './token-switch';
import type { VerifiedUser } from './verify-token';

export interface ConnectionSupervisorOptions
  extends DialerOptions, Omit<HeartbeatOptions, 'clock'> {
  clock?: Clock;
  random?: () => number;
  retry?: Partial<RetryPolicy>;
}

/** How long a closing socket may take over its close handshake before it is cut off. */
const CLOSE_GRACE_MS = 1_000;

/**
 * One persistent WebSocket to Home Assistant, on home-assistant-js-websocket. The library's own
 * reconnect loop (fixed delays, forever, no ban detection) is not used: each connection is closed
 * as soon as it drops. This class then looks for the server's return with a liveness check that
 * sends no token (quickly while the outage is young, with backoff after that and for remote
 * addresses), logs in once it answers, and stops on a rejected token or an IP ban (Home Assistant
 * bans IPs that keep failing). Each new connection is announced (`onConnection`) before the
 * status says connected: the subscription layer (subscription-layer.ts) subscribes on it.
 */
export class ConnectionSupervisor {
  private credentials: Credentials | null = null;
  private current: OpenedConnection | null = null;
  /** Sockets closed and not yet gone: a dispose waits for them. */
  private readonly closing = new Set<Promise<void>>();
  private status: ConnectionStatus = { state: 'not_configured' };
  private readonly statusChanges: Emitter<ConnectionStatus>;
  private readonly connections: Emitter<Connection | null>;
  private readonly instanceChanges: Emitter<void>;
  private readonly retries: RetrySchedule;
  private readonly heartbeat: Heartbeat;
  private online = true;
  private readonly tokenSwitch = new TokenSwitch(
    (credentials) => this.dialer.open(credentials),
    (opened, credentials) => this.replace(opened, credentials),
  );
  /** Bumped whenever credentials change or the supervisor stops: stale attempts see it and quit. */
  private generation = 0;

  private readonly clock: Clock;
  private readonly dialer: Dialer;

  constructor(private readonly options: ConnectionSupervisorOptions) {
    this.clock = options.clock ?? systemClock;
    const policy = { ...DEFAULT_RETRY, ...options.retry };
    this.retries = new RetrySchedule(this.clock, policy, options.random ?? Math.random);
    this.dialer = new Dialer(options);
    this.heartbeat = new Heartbeat({ ...options, clock: this.clock });
    this.statusChanges = new Emitter(logListenerError(options.logger, 'the connection status'));
    this.connections = new Emitter(logListenerError(options.logger, 'the connection'));
    this.instanceChanges = new Emitter(logListenerError(options.logger, 'the instance'));
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

  /** A new live connection (a login, a token switch), or null once it is gone. */
  onConnection(listener: (conn: Connection | null) => void): () => void {
    return this.connections.on(listener);
  }

  /** Another Home Assistant (or none) from now on: what was known of the old one is void. */
  onInstanceChange(listener: () => void): () => void {
    return this.instanceChanges.on(listener);
  }

  /**
   * New credentials (or none): drops the current connection and starts over. The same credentials
   * again keep the live connection; with `restart`, the user saved them again after a successful
   * test, so a connection that gave up (rejected token, ban) or is waiting tries again at once.
   */
  setCredentials(credentials: Credentials | null, { restart = false } = {}): void {
    const change = credentialsChange(this.credentials, credentials, this.tokenSwitch.pendingToken);
    if (change === 'same') {
      if (restart && !this.current && this.status.state !== 'connecting')
        this.restart(credentials, false);
    } else if (change === 'token' && credentials && this.current) {
      // Moved over without the user seeing a disconnect; a fresh start if the new token fails.
      this.switchToken(credentials.token).catch((error: unknown) => {
        this.options.logger.warn('Switching to the new token failed; reconnecting', error);
        if (this.credentials?.token !== credentials.token) this.restart(credentials, false);
      });
    } else this.restart(credentials, change === 'instance');
  }

  private restart(credentials: Credentials | null, newInstance: boolean): void {
    this.generation++;
    this.retries.startOver(null);
    this.dropCurrent();
    this.credentials = credentials;
    if (newInstance) this.instanceChanges.emit();
    if (!credentials) return this.setStatus({ state: 'not_configured' });
    if (!this.online) return this.setStatus({ state: 'offline' });
    this.setStatus({ state: 'connecting' });
    this.startAttempt(false);
  }

  /**
   * For resume from sleep, a screen unlock and the network coming back: verify a live connection
   * at once, or look for the server now instead of after the wait. Does nothing after a rejected
   * token or a ban: only the user may try those again (`reconnectNow`).
   */
  wake(): void {
    if (this.canRetry()) this.tryNow('look');
  }

  /**
   * "Reconnect now", asked by the user: exactly one attempt, even after a rejected token (fixed on
   * the server since) or a ban (lifted since). If it is refused again, the supervisor stops again;
   * if the server is only unreachable, the usual retries follow.
   */
  reconnectNow(): void {
    this.tryNow('login');
  }

  setOnline(online: boolean): void {
    if (this.online === online) return;
    this.online = online;
    if (!online && !this.current && this.credentials && this.canRetry()) {
      this.retries.cancel();
      this.setStatus({ state: 'offline' });
    } else if (online && this.status.state === 'offline') {
      this.wake();
    }
  }

  /** Moves the live connection to a new token without a disconnect (token-switch.ts). */
  switchToken(token: string): Promise<void> {
    return this.tokenSwitch.to(this.credentials, token, this.current !== null);
  }

  /** Authenticates a token on a fresh, short-lived connection and says whose it is. */
  verifyToken(token: string, instance?: InstanceUrl): Promise<VerifiedUser> {
    return this.dialer.verify(instance ?? this.credentials?.instance, token);
  }

  /** Sends a command on the live connection. */
  async send<T>(message: MessageBase): Promise<T> {
    const conn = this.connection();
    if (!conn) throw notConnected();
    return conn.sendMessagePromise<T>(message);
  }

  /** Stops for good; resolves once the socket closed and what that sets off (rejected requests) ran. */
  async dispose(): Promise<void> {
    this.generation++;
    this.retries.cancel();
    this.dropCurrent();
    this.credentials = null;
    this.statusChanges.clear();
    this.connections.clear();
    this.instanceChanges.clear();
    await Promise.all(this.closing);
  }

  private tryNow(how: 'look' | 'login'): void {
    if (!this.credentials) return;
    if (this.current)
      return runDetached(this.heartbeat.check(), this.options.logger, 'Checking the connection');
    if (this.status.state === 'connecting') return;
    if (how === 'login') {
      this.retries.startOver();
      this.setStatus({ state: 'connecting' });
      return this.startAttempt(false);
    }
    // The network may just have changed: look quickly again.
    this.retries.startOver(this.clock.now());
    this.startAttempt(true);
  }

  private replace(opened: OpenedConnection, credentials: Credentials): void {
    this.credentials = credentials;
    this.generation++;
    this.retries.cancel();
    const since = this.status.state === 'connected' ? this.status.since : this.clock.now();
    this.dropCurrent();
    this.adopt(opened, since);
  }

  /**
   * One attempt. A `look` first asks whether the server answers (its greeting, no token sent) and
   * logs in only when it does: however long the outage, a recovery costs Home Assistant one login.
   */
  private async attempt(generation: number, look: boolean): Promise<void> {
    const credentials = this.credentials;
    if (!credentials) return;
    try {
      const liveness = look ? await this.dialer.checkLiveness(credentials.instance) : null;
      if (liveness && !liveness.alive) throw new SocketOpenError(liveness.failure);
      if (generation !== this.generation) return;
      const opened = await this.dialer.open(credentials);
      if (generation !== this.generation) return this.close(opened);
      this.adopt(opened, this.clock.now());
      this.options.logger.info(`Connected to Home Assistant ${opened.conn.haVersion}`);
    } catch (error) {
      if (generation !== this.generation) return;
      const outcome = attemptOutcome(error);
      if ('stop' in outcome) {
        this.options.logger.warn(outcome.log);
        return this.setStatus(outcome.stop);
      }
      if (this.retries.attempts <= 1)
        this.options.logger.info(`Connecting to Home Assistant failed: ${outcome.retry}`);
      this.scheduleRetry(outcome.retry);
    }
  }

  private scheduleRetry(reason: string): void {
    if (!this.online) return this.setStatus({ state: 'offline' });
    const generation = this.generation;
    const local = isLocalAddress(this.credentials?.instance.origin ?? '');
    const { attempt, nextRetryAt, quick } = this.retries.next(local, () => {
      if (generation === this.generation) this.startAttempt(true);
    });
    const previous = this.status;
    // Quick looks come several times a second: the status changes only when there is news.
    if (!quick || previous.state !== 'reconnecting' || previous.reason !== reason)
      this.setStatus({ state: 'reconnecting', attempt, nextRetryAt, reason });
  }

  private adopt(opened: OpenedConnection, since: number): void {
    const { conn } = opened;
    this.current = opened;
    this.retries.startOver(null);
    conn.addEventListener('disconnected', () => this.onDisconnected(conn));
    this.heartbeat.start(opened);
    this.connections.emit(conn);
    this.setStatus({ state: 'connected', since, haVersion: conn.haVersion });
  }

  private onDisconnected(conn: Connection): void {
    if (this.current?.conn !== conn) return;
    this.options.logger.info('Lost the connection to Home Assistant');
    this.dropCurrent();
    this.scheduleRetry('The connection was lost');
  }

  private startAttempt(look: boolean): void {
    const what = look ? 'Looking for Home Assistant' : 'Connecting to Home Assistant';
    runDetached(this.attempt(this.generation, look), this.options.logger, what);
  }

  private dropCurrent(): void {
    this.heartbeat.stop();
    const current = this.current;
    if (!current) return;
    this.current = null;
    this.close(current);
    this.connections.emit(null);
  }

  private close(opened: OpenedConnection): void {
    const closed = closeConnection(opened, this.clock, CLOSE_GRACE_MS).finally(() =>
      this.closing.delete(closed),
    );
    this.closing.add(closed);
  }

  private canRetry(): boolean {
    return connectionCategory(this.status.state) !== 'refused';
  }

  private setStatus(status: ConnectionStatus): void {
    this.status = status;
    this.statusChanges.emit(status);
  }
}
