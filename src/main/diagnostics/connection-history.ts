import { retryInSeconds, type ConnectionStatus } from '../../shared/connection-status';
import type { HistoryEntry, HistoryKind } from '../../shared/diagnostics';
import type { TokenStatus } from '../../shared/token-status';

/** The About page keeps this many events: enough for a day of flapping Wi-Fi. */
export const HISTORY_LIMIT = 200;

/** The last events of the connection, oldest first; older ones fall off. */
export class ConnectionHistory {
  private readonly events: HistoryEntry[] = [];

  constructor(
    private readonly now: () => number,
    private readonly limit = HISTORY_LIMIT,
  ) {}

  record(kind: HistoryKind, detail: string): void {
    this.events.push({ at: this.now(), kind, detail });
    if (this.events.length > this.limit) this.events.splice(0, this.events.length - this.limit);
  }

  entries(): HistoryEntry[] {
    return [...this.events];
  }
}

/** A change of connection status as a history event, or null when nothing worth noting changed. */
export function connectionEvent(
  previous: ConnectionStatus | null,
  next: ConnectionStatus,
  now: number,
): Omit<HistoryEntry, 'at'> | null {
  if (previous?.state === next.state && next.state !== 'reconnecting') return null;
  switch (next.state) {
    case 'connecting':
      return { kind: 'connecting', detail: 'Connecting' };
    case 'connected':
      return { kind: 'connected', detail: `Connected to Home Assistant ${next.haVersion}` };
    case 'reconnecting': {
      const seconds = retryInSeconds(next, now);
      if (previous?.state === 'connected')
        return {
          kind: 'dropped',
          detail: `Connection lost: ${next.reason}; retry in ${seconds} s`,
        };
      return {
        kind: 'retry',
        detail: `Attempt ${next.attempt} failed: ${next.reason}; next in ${seconds} s`,
      };
    }
    case 'offline':
      return { kind: 'offline', detail: 'The system reports no network' };
    case 'auth_failed':
      return { kind: 'token_rejected', detail: `Token rejected: ${next.message}` };
    case 'banned':
      return { kind: 'banned', detail: 'Home Assistant banned this computer’s IP address' };
    case 'not_configured':
      return { kind: 'not_configured', detail: 'No address or token set up' };
  }
}

/**
 * A token event: a rotation that finished or failed (its running steps are not noted), or a new
 * token saved by hand. The first status, at start, is the baseline and notes nothing.
 */
export function tokenEvent(
  previous: TokenStatus | null,
  next: TokenStatus,
): Omit<HistoryEntry, 'at'> | null {
  if (previous === null) return null;
  const rotation = next.rotation;
  if (previous.rotation.phase !== rotation.phase) {
    const event = rotationOutcome(rotation);
    if (event) return event;
  }
  const savedAt = next.facts?.savedAt ?? null;
  if (savedAt !== null && savedAt !== (previous.facts?.savedAt ?? null))
    return { kind: 'token', detail: 'A new token was saved' };
  return null;
}

function rotationOutcome(next: TokenStatus['rotation']): Omit<HistoryEntry, 'at'> | null {
  switch (next.phase) {
    case 'rotated':
      return { kind: 'token', detail: 'Token rotated; the old one was revoked' };
    case 'not_started':
    case 'rolled_back':
    case 'revoke_failed':
    case 'incomplete':
      return {
        kind: 'token',
        detail: `Token rotation ${next.phase.replace('_', ' ')}: ${next.message}`,
      };
    default:
      return null;
  }
}
