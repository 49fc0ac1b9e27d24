import type { WebSocket } from 'ws';
import type { SimUser } from './auth';
import type { Message } from './messages';
import { error } from './messages';

/**
 * One client socket, after the HTTP upgrade. Outgoing messages queued in the same tick are sent
 * as one JSON array when the client enabled `coalesce_messages`, as Home Assistant's writer does.
 */
export class SimConnection {
  phase: 'auth' | 'ready' = 'auth';
  user: SimUser | null = null;
  refreshTokenId: string | null = null;
  lastId = 0;
  coalesce = false;
  readonly subscriptions = new Map<number, () => void>();
  private queue: string[] = [];
  private flushScheduled = false;

  constructor(
    readonly socket: WebSocket,
    readonly ip: string,
    private readonly faults: {
      halfOpen: () => boolean;
      responseDelayMs: () => number;
      onCoalesced: () => void;
    },
  ) {}

  get open(): boolean {
    return this.socket.readyState === this.socket.OPEN;
  }

  send(message: Message): void {
    this.sendRaw(JSON.stringify(message));
  }

  /** Results honour the response-delay fault; events and auth messages do not. */
  reply(message: Message): void {
    const delay = this.faults.responseDelayMs();
    if (delay > 0) setTimeout(() => this.send(message), delay);
    else this.send(message);
  }

  replyError(id: number | null | undefined, code: string, message: string): void {
    this.reply(error(id, code, message));
  }

  sendRaw(text: string): void {
    if (!this.open || this.faults.halfOpen()) return;
    this.queue.push(text);
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => this.flush());
  }

  private flush(): void {
    this.flushScheduled = false;
    const pending = this.queue;
    this.queue = [];
    if (!this.open || pending.length === 0) return;
    if (this.coalesce && pending.length > 1) {
      this.faults.onCoalesced();
      this.socket.send(`[${pending.join(',')}]`);
    } else for (const text of pending) this.socket.send(text);
  }

  close(code?: number): void {
    for (const unsubscribe of this.subscriptions.values()) unsubscribe();
    this.subscriptions.clear();
    if (
      this.socket.readyState === this.socket.OPEN ||
      this.socket.readyState === this.socket.CONNECTING
    ) {
      this.socket.close(code);
    }
  }
}
