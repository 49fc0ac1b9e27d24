import type { Connection } from 'home-assistant-js-websocket';
import { runDetached } from '../detached';
import type { Logger } from '../log/logger';
import type { Clock } from './clock';
import type { OpenedSocket } from './ha-socket';

export interface HeartbeatOptions {
  clock: Clock;
  logger: Logger;
  /** An app-level ping catches half-open sockets (after sleep, Wi-Fi changes) that TCP does not; default 30 s. */
  pingIntervalMs?: number;
  /** Default 10 s. */
  pingTimeoutMs?: number;
}

/**
 * The live connection's ping: every interval, and at once when asked (resume from sleep, "Reconnect
 * now"). A ping unanswered in time drops the socket outright, since a half-open socket never
 * finishes a close handshake; the supervisor then hears the library's `disconnected`.
 */
export class Heartbeat {
  private timer: unknown = null;
  private beating: { conn: Connection; socket: OpenedSocket } | null = null;

  constructor(private readonly options: HeartbeatOptions) {}

  start(opened: { conn: Connection; socket: OpenedSocket }): void {
    this.stop();
    this.beating = opened;
    const tick = () => {
      this.timer = this.options.clock.setTimeout(() => {
        runDetached(
          this.check().finally(() => {
            if (this.beating === opened) tick();
          }),
          this.options.logger,
          'Checking the connection',
        );
      }, this.options.pingIntervalMs ?? 30_000);
    };
    tick();
  }

  stop(): void {
    if (this.timer !== null) this.options.clock.clearTimeout(this.timer);
    this.timer = null;
    this.beating = null;
  }

  /** Pings now; drops the socket if no answer comes within the timeout. */
  async check(): Promise<void> {
    const opened = this.beating;
    if (!opened) return;
    const { clock, pingTimeoutMs = 10_000, logger } = this.options;
    let timer: unknown;
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = clock.setTimeout(() => resolve('timeout'), pingTimeoutMs);
    });
    const answer = await Promise.race([
      opened.conn.ping().then(
        () => 'pong' as const,
        () => 'lost' as const,
      ),
      timedOut,
    ]);
    clock.clearTimeout(timer);
    if (answer === 'timeout' && this.beating === opened) {
      logger.warn('Home Assistant did not answer a ping; reconnecting');
      opened.socket.terminate();
    }
  }
}
