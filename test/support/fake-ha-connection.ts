import type { MessageBase } from 'home-assistant-js-websocket';
import { Emitter } from '../../src/shared/emitter';
import type { ConnectionSource, SubscribingConnection } from '../../src/main/ha/subscription-layer';

/** Home Assistant's answer to a refused command. */
export type Refusal = { code: string; message: string };

export interface FakeHaConnectionOptions {
  haVersion?: string;
  /** The refusal for a subscribe message, or undefined to accept it. */
  refuse?: (message: MessageBase) => Refusal | undefined;
  /** The result of a command (throw or reject to refuse it). */
  answer?: (message: MessageBase) => unknown;
}

/**
 * A library connection as the subscription layer uses it, without a socket: it records every
 * message in the order sent, refuses or answers as told, and lets a test send events to its live
 * subscriptions.
 */
export class FakeHaConnection {
  /** Every subscribe message and command, in order. */
  readonly sent: MessageBase[] = [];
  /** The subscriptions ended with `unsubscribe_events`. */
  readonly ended: MessageBase[] = [];
  private readonly live = new Map<MessageBase, (event: unknown) => void>();

  constructor(private readonly options: FakeHaConnectionOptions = {}) {}

  get haVersion(): string {
    return this.options.haVersion ?? '2026.2.3';
  }

  /** As the library's: the message goes out at once, the promise settles with the answer. */
  subscribeMessage(callback: (event: unknown) => void, message: MessageBase) {
    this.sent.push(message);
    const refusal = this.options.refuse?.(message);
    if (refusal) return Promise.reject(refusal);
    this.live.set(message, callback);
    return Promise.resolve(async () => {
      this.live.delete(message);
      this.ended.push(message);
    });
  }

  sendMessagePromise(message: MessageBase): Promise<unknown> {
    this.sent.push(message);
    return (async () => this.options.answer?.(message))();
  }

  /** Sends `event` to every live subscription whose message `matches`. */
  fire(matches: (message: MessageBase) => boolean, event: unknown = {}): void {
    for (const [message, callback] of [...this.live]) if (matches(message)) callback(event);
  }

  /** The messages of the live subscriptions. */
  subscribed(): MessageBase[] {
    return [...this.live.keys()];
  }

  /** As the layer takes it. */
  get asConnection(): SubscribingConnection {
    return this as unknown as SubscribingConnection;
  }
}

/** Where a subscription layer hears of connections, told by the test. */
export class FakeConnectionSource implements ConnectionSource {
  private conn: SubscribingConnection | null = null;
  private readonly changes = new Emitter<SubscribingConnection | null>();

  connection(): SubscribingConnection | null {
    return this.conn;
  }

  onConnection(listener: (conn: SubscribingConnection | null) => void): () => void {
    return this.changes.on(listener);
  }

  connect(conn: FakeHaConnection | null): void {
    this.conn = conn?.asConnection ?? null;
    this.changes.emit(this.conn);
  }
}

/** Whether a message subscribes to `eventType`. */
export const eventsOf =
  (eventType: string) =>
  (message: MessageBase): boolean =>
    message.type === 'subscribe_events' && message.event_type === eventType;

/** One turn of the event loop: what the fake answered has been taken in. */
export const settle = () => new Promise<void>((resolve) => setImmediate(resolve));
