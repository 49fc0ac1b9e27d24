import type { WebSocket } from 'ws';
import type { SimUser } from '../auth/auth-store';
import type { Faults } from '../faults';
import type { CommandMessage } from '../commands/types';
import { errorMessage, type Message, type Translation } from './messages';

/** A subscription a command made on one socket, and how it ends. */
export interface SimSubscription {
  command: CommandMessage;
  end: () => void;
}

/** `PENDING_MSG_MAX_FORCE_READY` (websocket_api/const.py, 2026.2). */
const PENDING_MSG_MAX_FORCE_READY = 256;

/**
 * One client socket after the upgrade. Messages queued in the same tick go out together: as one
 * JSON array per frame once the client enabled `coalesce_messages` (HA's writer), else one frame
 * each. With `coalesceAcrossTicks` (2026.2, `_release_ready_future_or_reschedule` in
 * websocket_api/http.py) the writer waits while the queue keeps growing from one tick to the next,
 * up to 256 messages, so messages of several ticks share a frame. Batches registered with `addPending` (subscribe_entities changes) are flushed before any
 * later message, so an entity event still precedes the result of the call that caused it.
 */
export class SimConnection {
  phase: 'auth' | 'command' = 'auth';
  user: SimUser | null = null;
  refreshTokenId: string | null = null;
  /** The highest id handled: ids must increase (`id_reuse`). */
  lastId = 0;
  coalesce = false;
  /** Live subscriptions by the id of the command that made them. */
  readonly subscriptions = new Map<number, SimSubscription>();
  private queue: string[] = [];
  private flushScheduled = false;
  /** The queue's length when the writer last looked (2026.2). */
  private releaseSize = 0;
  private readonly pendingBatches = new Set<() => void>();
  private flushingBatches = false;

  constructor(
    readonly socket: WebSocket,
    readonly ip: string,
    private readonly faults: Faults,
    private readonly onCoalescedFrame: () => void,
    private readonly coalesceAcrossTicks = false,
  ) {}

  get isOpen(): boolean {
    return this.socket.readyState === this.socket.OPEN;
  }

  send(message: Message): void {
    this.sendText(JSON.stringify(message));
  }

  sendText(text: string): void {
    if (!this.isOpen) return;
    this.flushBatches();
    this.queue.push(text);
    this.scheduleFlush();
  }

  /**
   * Results and pongs: these honour the response-delay fault. `then` runs right after the reply is
   * queued, for what must follow it (a subscription's first event).
   */
  reply(message: Message, then?: () => void): void {
    const send = () => {
      this.send(message);
      then?.();
    };
    const delay = this.faults.responseDelayMs;
    if (delay > 0) setTimeout(send, delay);
    else send();
  }

  replyError(id: unknown, code: string, message: string, translation?: Translation): void {
    this.reply(errorMessage(id, code, message, translation));
  }

  /** Registers a batch's flush; the batch calls `scheduleFlush` when it has something. */
  addPending(flush: () => void): () => void {
    this.pendingBatches.add(flush);
    return () => this.pendingBatches.delete(flush);
  }

  scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    this.releaseSize = this.queue.length;
    setImmediate(() => this.release());
  }

  private release(): void {
    if (this.coalesceAcrossTicks) {
      this.flushBatches();
      const size = this.queue.length;
      if (size > this.releaseSize && this.releaseSize < PENDING_MSG_MAX_FORCE_READY) {
        this.releaseSize = size;
        setImmediate(() => this.release());
        return;
      }
    }
    this.flush();
  }

  /**
   * `drain`: send what is queued first (HA's writer finishes after auth_invalid); without it the
   * queue is dropped, as when HA cancels a connection (token deleted, shutting down).
   */
  close(drain: boolean): void {
    if (drain) this.flush();
    this.queue = [];
    for (const subscription of this.subscriptions.values()) subscription.end();
    this.subscriptions.clear();
    if (this.isOpen || this.socket.readyState === this.socket.CONNECTING) this.socket.close(1000);
  }

  private flushBatches(): void {
    if (this.flushingBatches) return;
    this.flushingBatches = true;
    try {
      for (const flush of this.pendingBatches) flush();
    } finally {
      this.flushingBatches = false;
    }
  }

  private flush(): void {
    this.flushScheduled = false;
    this.flushBatches();
    const pending = this.queue;
    this.queue = [];
    // A dead network path loses what the server writes.
    if (!this.isOpen || pending.length === 0 || this.faults.halfOpen) return;
    if (this.coalesce && pending.length > 1) {
      this.onCoalescedFrame();
      this.socket.send(`[${pending.join(',')}]`);
    } else for (const text of pending) this.socket.send(text);
  }
}
