import type { Connection, MessageBase } from 'home-assistant-js-websocket';
import { Emitter } from '../../shared/emitter';
import { runDetached } from '../detached';
import { logListenerError } from '../log/listener-errors';
import type { Logger } from '../log/logger';
import {
  classifySubscriptionFailure,
  NEEDS_ADMIN,
  type SubscriptionFailure,
} from './subscription-failure';

/** The part of a library connection subscriptions are made on. */
export type SubscribingConnection = Pick<
  Connection,
  'subscribeMessage' | 'sendMessagePromise' | 'haVersion'
>;

/** Where the layer hears of connections: the connection supervisor. */
export interface ConnectionSource {
  connection(): SubscribingConnection | null;
  /** A new live connection, or null once there is none. */
  onConnection(listener: (conn: SubscribingConnection | null) => void): () => void;
}

/** What a declaration sees of the connection it is established on. */
export interface SubscribedConnection {
  readonly haVersion: string;
  /** False once another connection (or none) took over: an answer arriving on this one is stale. */
  readonly current: boolean;
  send<T>(message: MessageBase): Promise<T>;
}

export interface SubscriptionEvent {
  /** The first event of this subscription: for some commands the state so far (a snapshot). */
  first: boolean;
  on: SubscribedConnection;
}

/** A subscription, declared once and kept on every connection by the layer. */
export interface SubscriptionDeclaration<E = unknown> {
  /** What its events keep current, for the log: "the unit system". */
  what: string;
  /**
   * The subscribe message with its parameters, asked for each time it is established (so a
   * changed parameter goes out with `resubscribe`). Several: in order of preference, the next
   * tried when Home Assistant refuses one as `invalid_format` (a parameter it does not take yet).
   * None: this Home Assistant does not offer it; unavailable without asking.
   */
  message: (on: SubscribedConnection) => MessageBase | readonly MessageBase[] | null;
  apply: (event: E, from: SubscriptionEvent) => void;
  /**
   * Reads what the events keep current, each time the subscription is asked for (whatever the
   * answer: a value is worth reading even when its changes cannot be followed). Declarations
   * that share one `read` function have it run once per connection.
   */
  read?: (on: SubscribedConnection) => Promise<void>;
  /** Only an administrator may subscribe: for anyone else it is unavailable, never sent. */
  needsAdmin?: boolean;
}

export type SubscriptionStatus =
  | { state: 'waiting' | 'subscribing' | 'established' }
  | { state: 'unavailable' | 'failed'; failure: SubscriptionFailure };

/** A declared subscription: what the layer hands back from `add`. */
export interface Subscription {
  status(): SubscriptionStatus;
  onStatus(listener: (status: SubscriptionStatus) => void): () => void;
  /**
   * Subscribes again now, with the message as it is now: for a new parameter, or because Home
   * Assistant may have dropped it without a word (a push channel). The old subscription still
   * applies its events until the new one is accepted or speaks. Nothing is asked of a
   * subscription unavailable on this connection.
   */
  resubscribe(): void;
  /** Unsubscribes (Home Assistant is told) and forgets the declaration. */
  remove(): void;
}

/**
 * Every subscription HA Tray holds on a connection, made on home-assistant-js-websocket's own
 * `subscribeMessage`. The supervisor gives each login a new library connection (it never lets the
 * library reconnect a socket, the only time the library re-subscribes by itself: `_setSocket` in
 * its connection.js), so the layer subscribes with `resubscribe: false` and establishes every
 * declaration again on each new connection, in the order they were added. Failures are classified
 * in src/main/ha/subscription-failure.ts; an unavailable subscription is not asked for again on
 * that connection, and each classification is logged once until the subscription is established.
 */
export class SubscriptionLayer {
  private readonly entries: Entry[] = [];
  private live: LiveConnection | null = null;
  private readonly offConnection: () => void;

  constructor(
    readonly logger: Logger,
    connections: ConnectionSource,
  ) {
    this.offConnection = connections.onConnection((conn) => this.connected(conn));
    this.connected(connections.connection());
  }

  add<E>(declaration: SubscriptionDeclaration<E>): Subscription {
    const entry = new Entry(this, declaration as SubscriptionDeclaration);
    this.entries.push(entry);
    if (this.live) this.establish(this.live, [entry]);
    return entry;
  }

  dispose(): void {
    this.offConnection();
    for (const entry of this.entries.splice(0)) entry.remove();
    this.live = null;
  }

  /** The connection subscriptions are made on now. */
  current(): LiveConnection | null {
    return this.live;
  }

  forget(entry: Entry): void {
    const index = this.entries.indexOf(entry);
    if (index >= 0) this.entries.splice(index, 1);
  }

  private connected(conn: SubscribingConnection | null): void {
    if (conn && conn === this.live?.conn) return;
    for (const entry of this.entries) entry.drop();
    this.live = conn ? new LiveConnection(conn, this) : null;
    if (this.live) this.establish(this.live, [...this.entries]);
  }

  /** Establishes `entries` in order; when one needs an administrator, after asking who the user is. */
  establish(live: LiveConnection, entries: readonly Entry[]): void {
    if (!entries.some((entry) => entry.declaration.needsAdmin))
      return this.establishNow(live, entries, true);
    for (const entry of entries) entry.awaitingUser = true;
    runDetached(
      live.isAdmin().then(
        (isAdmin) => this.establishNow(live, entries, isAdmin ? true : NEEDS_ADMIN),
        (error: unknown) => this.establishNow(live, entries, classifySubscriptionFailure(error)),
      ),
      this.logger,
      'Subscribing to Home Assistant',
    );
  }

  private establishNow(
    live: LiveConnection,
    entries: readonly Entry[],
    admin: true | SubscriptionFailure,
  ): void {
    for (const entry of entries) entry.awaitingUser = false;
    if (!live.current) return;
    const toRead = new Set<NonNullable<SubscriptionDeclaration['read']>>();
    for (const entry of entries) {
      if (entry.removed) continue;
      if (entry.declaration.needsAdmin && admin !== true) entry.settle(admin);
      else if (entry.subscribe(live) && entry.declaration.read) toRead.add(entry.declaration.read);
    }
    for (const read of toRead) runDetached(read(live), this.logger, 'Reading Home Assistant');
  }
}

/** One connection as declarations see it; who its user is, asked once if a declaration needs it. */
class LiveConnection implements SubscribedConnection {
  private admin: Promise<boolean> | null = null;

  constructor(
    readonly conn: SubscribingConnection,
    private readonly layer: SubscriptionLayer,
  ) {}

  get haVersion(): string {
    return this.conn.haVersion;
  }

  get current(): boolean {
    return this.layer.current() === this;
  }

  send<T>(message: MessageBase): Promise<T> {
    return this.conn.sendMessagePromise<T>(message);
  }

  isAdmin(): Promise<boolean> {
    this.admin ??= this.send<{ is_admin?: unknown }>({ type: 'auth/current_user' }).then(
      (user) => user.is_admin === true,
    );
    return this.admin;
  }
}

/** One declaration and its subscriptions on the live connection. */
class Entry implements Subscription {
  removed = false;
  /** Its connection is still asking who the user is: it is subscribed with the message of then. */
  awaitingUser = false;
  /** The subscription whose events apply. */
  private feeding: Establishment | null = null;
  /** A newer one that takes over when Home Assistant accepts it or it speaks first. */
  private pending: Establishment | null = null;
  private current: SubscriptionStatus = { state: 'waiting' };
  private readonly statusChanges: Emitter<SubscriptionStatus>;
  /** The failure last logged, so that the same one is said once. */
  private logged: string | null = null;
  private saidFallback = false;

  constructor(
    readonly layer: SubscriptionLayer,
    readonly declaration: SubscriptionDeclaration,
  ) {
    this.statusChanges = new Emitter(
      logListenerError(layer.logger, `the subscription to ${declaration.what}`),
    );
  }

  status(): SubscriptionStatus {
    return this.current;
  }

  onStatus(listener: (status: SubscriptionStatus) => void): () => void {
    return this.statusChanges.on(listener);
  }

  resubscribe(): void {
    const live = this.layer.current();
    if (this.removed || !live || this.awaitingUser || this.current.state === 'unavailable') return;
    this.layer.establish(live, [this]);
  }

  remove(): void {
    if (this.removed) return;
    this.removed = true;
    this.layer.forget(this);
    this.drop();
  }

  /** Ends its subscriptions: Home Assistant is told while the connection is open. */
  drop(): void {
    this.feeding?.end();
    this.pending?.end();
    this.feeding = this.pending = null;
    this.setStatus({ state: 'waiting' });
  }

  /** Asks for it on `live`; false when this Home Assistant does not offer it. */
  subscribe(live: LiveConnection): boolean {
    const message = this.declaration.message(live);
    const messages = message === null ? [] : Array.isArray(message) ? message : [message];
    if (messages.length === 0) {
      this.setStatus({
        state: 'unavailable',
        failure: { outcome: 'unavailable', code: 'not_offered', message: 'Not offered' },
      });
      return false;
    }
    this.pending?.end();
    this.pending = new Establishment(this, live, messages as MessageBase[]);
    if (!this.feeding) this.setStatus({ state: 'subscribing' });
    return true;
  }

  deliver(from: Establishment, event: unknown, first: boolean): void {
    if (from === this.pending) this.takeOver(from);
    if (from !== this.feeding) return;
    try {
      this.declaration.apply(event, { first, on: from.live });
    } catch (error) {
      this.layer.logger.error(`Applying an event of ${this.declaration.what} failed`, error);
    }
  }

  accepted(from: Establishment): void {
    if (from === this.pending) this.takeOver(from);
    if (from !== this.feeding) return;
    this.logged = null;
    this.setStatus({ state: 'established' });
  }

  failed(from: Establishment, failure: SubscriptionFailure): void {
    if (from !== this.pending) return;
    this.pending = null;
    // A renewal refused: the subscription before it still applies its events.
    this.settle(failure);
  }

  /** Home Assistant refused a message and a simpler one is asked next. */
  fellBack(failure: SubscriptionFailure): void {
    if (this.saidFallback) return;
    this.saidFallback = true;
    this.layer.logger.info(
      `Home Assistant refused ${this.declaration.what} as asked (${failure.message}); asking for less`,
    );
  }

  settle(failure: SubscriptionFailure): void {
    // The connection went first: the next one establishes it, nothing to say.
    if (failure.outcome === 'lost') return;
    const state = failure.outcome === 'unavailable' ? 'unavailable' : 'failed';
    const key = `${failure.outcome}:${failure.code}`;
    if (this.logged !== key) {
      this.logged = key;
      const { what } = this.declaration;
      const why = `${failure.message} (${failure.code})`;
      if (state === 'failed') this.layer.logger.warn(`Subscribing to ${what} failed: ${why}`);
      else
        this.layer.logger.info(
          `Home Assistant does not offer ${what}: ${why}; not asked again on this connection`,
        );
    }
    this.setStatus({ state, failure });
  }

  setStatus(status: SubscriptionStatus): void {
    if (JSON.stringify(status) === JSON.stringify(this.current)) return;
    this.current = status;
    this.statusChanges.emit(status);
  }

  private takeOver(from: Establishment): void {
    const old = this.feeding;
    this.feeding = from;
    this.pending = null;
    old?.end();
  }
}

/** One `subscribeMessage` of one declaration on one connection, with its fallbacks. */
class Establishment {
  private ended = false;
  private spoke = false;
  private unsubscribe: Promise<(() => Promise<void>) | null>;

  constructor(
    private readonly entry: Entry,
    readonly live: LiveConnection,
    messages: readonly MessageBase[],
  ) {
    this.unsubscribe = this.start(messages);
  }

  end(): void {
    if (this.ended) return;
    this.ended = true;
    // Still unanswered: Home Assistant is told as soon as it accepts.
    this.unsubscribe
      .then((unsubscribe) => unsubscribe?.())
      .catch((error: unknown) =>
        this.entry.layer.logger.debug('Ending a subscription failed', error),
      );
  }

  private async start(messages: readonly MessageBase[]): Promise<(() => Promise<void>) | null> {
    for (const [index, message] of messages.entries()) {
      try {
        const unsubscribe = await this.live.conn.subscribeMessage(
          (event) => this.event(event),
          // The library writes the command id into the message it is given.
          { ...message },
          { resubscribe: false },
        );
        if (!this.ended) this.entry.accepted(this);
        return unsubscribe;
      } catch (error) {
        if (this.ended) return null;
        const failure = classifySubscriptionFailure(error);
        if (failure.code !== 'invalid_format' || index === messages.length - 1) {
          this.entry.failed(this, failure);
          return null;
        }
        this.entry.fellBack(failure);
      }
    }
    return null;
  }

  private event(event: unknown): void {
    if (this.ended) return;
    const first = !this.spoke;
    this.spoke = true;
    this.entry.deliver(this, event, first);
  }
}
