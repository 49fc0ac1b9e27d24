import type { ConnectionStatus } from '../../shared/connection-status';
import type { Clock } from '../ha/clock';
import {
  BAN_DETECTED_TEXT,
  connectionLostText,
  connectionRestoredText,
  TOKEN_REJECTED_TEXT,
} from './connection-messages';
import type { NotificationText } from './entity-message';

export type ConnectionAlertKind =
  'connection_lost' | 'connection_restored' | 'token_rejected' | 'ban_detected';

export interface ConnectionAlertsOptions {
  clock: Clock;
  /** Shows an alert and says whether it was shown (pause and quiet hours may hold it back). */
  show: (kind: ConnectionAlertKind, text: NotificationText) => boolean;
  /** "Connection lost" only after the connection has been down this long. */
  lostAfterMs: number;
}

/**
 * Decides which connection notifications to show, from the stream of connection statuses:
 * "lost" only once the connection has been down longer than `lostAfterMs` (blips stay silent),
 * "restored" only if "lost" was shown, "token rejected" and "banned" once per episode (an episode
 * ends when a connection succeeds or the connection is removed).
 */
export class ConnectionAlerts {
  private hadConnection = false;
  private downSince: number | null = null;
  private lostTimer: unknown = null;
  private lostShown = false;
  private rejectedAlerted = false;
  private banAlerted = false;
  private lastReason: string | undefined;
  private offline = false;
  private lostAfterMs: number;

  constructor(private readonly options: ConnectionAlertsOptions) {
    this.lostAfterMs = options.lostAfterMs;
  }

  /** Applies from the next outage on. */
  setLostAfterMs(ms: number): void {
    this.lostAfterMs = ms;
  }

  update(status: ConnectionStatus): void {
    const now = this.options.clock.now();
    switch (status.state) {
      case 'connected':
        this.clearTimer();
        if (this.lostShown && this.downSince !== null)
          this.options.show('connection_restored', connectionRestoredText(now - this.downSince));
        this.hadConnection = true;
        this.resetEpisode();
        return;
      case 'auth_failed':
        this.clearTimer();
        if (!this.rejectedAlerted) this.options.show('token_rejected', TOKEN_REJECTED_TEXT);
        this.rejectedAlerted = true;
        return;
      case 'banned':
        this.clearTimer();
        if (!this.banAlerted) this.options.show('ban_detected', BAN_DETECTED_TEXT);
        this.banAlerted = true;
        return;
      case 'not_configured':
        this.clearTimer();
        this.hadConnection = false;
        this.resetEpisode();
        return;
    }
    // What is left is down: connecting, reconnecting, offline.
    this.offline = status.state === 'offline';
    if (status.state === 'reconnecting') this.lastReason = status.reason;
    // Only a connection that existed can be lost; failing to connect at start is the tray's job.
    if (!this.hadConnection || this.lostTimer !== null || this.lostShown) return;
    this.downSince ??= now;
    // Also re-armed when quiet hours or a pause held "lost" back, or after a rejected token was
    // replaced: if the outage goes on, the user hears of it once they can.
    this.lostTimer = this.options.clock.setTimeout(() => {
      this.lostTimer = null;
      this.lostShown = this.options.show(
        'connection_lost',
        connectionLostText(this.lastReason, this.offline),
      );
    }, this.lostAfterMs);
  }

  dispose(): void {
    this.clearTimer();
  }

  private resetEpisode(): void {
    this.downSince = null;
    this.lostShown = false;
    this.rejectedAlerted = false;
    this.banAlerted = false;
    this.lastReason = undefined;
    this.offline = false;
  }

  private clearTimer(): void {
    if (this.lostTimer !== null) this.options.clock.clearTimeout(this.lostTimer);
    this.lostTimer = null;
  }
}
