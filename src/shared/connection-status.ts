/**
 * The connection to Home Assistant as the user sees it. Times are epoch milliseconds so the
 * status can cross IPC as plain JSON.
 */
export type ConnectionStatus =
  /** No URL or token yet, or the token cannot be read (see the vault's status). */
  | { state: 'not_configured' }
  | { state: 'connecting' }
  | { state: 'connected'; since: number; haVersion: string }
  /** Lost or could not connect; the next attempt is scheduled. */
  | { state: 'reconnecting'; attempt: number; nextRetryAt: number; reason: string }
  /** Home Assistant rejected the token. No further attempts until a new token is given. */
  | { state: 'auth_failed'; message: string }
  /** Home Assistant banned this computer's IP address. No further attempts until the user acts. */
  | { state: 'banned' }
  /** The operating system reports no network; reconnects as soon as it is back. */
  | { state: 'offline' };

export type ConnectionState = ConnectionStatus['state'];

/**
 * What a state means, the one grouping every view draws from (tray icon, status dot, alerts):
 * `unset` nothing to connect to; `working` an attempt is under way or scheduled; `up` connected;
 * `waiting` for the network, no attempt until it is back; `refused` Home Assistant said no (a
 * rejected token, a ban), no attempt until the user acts.
 */
export type ConnectionCategory = 'unset' | 'working' | 'up' | 'waiting' | 'refused';

export function connectionCategory(state: ConnectionState): ConnectionCategory {
  switch (state) {
    case 'not_configured':
      return 'unset';
    case 'connecting':
    case 'reconnecting':
      return 'working';
    case 'connected':
      return 'up';
    case 'offline':
      return 'waiting';
    case 'auth_failed':
    case 'banned':
      return 'refused';
  }
}

/** States in which the app makes no attempt of its own, so that Home Assistant does not ban it. */
export function isStopped(status: ConnectionStatus): boolean {
  const category = connectionCategory(status.state);
  return category === 'refused' || category === 'unset';
}

/**
 * Whole seconds until the next attempt, rounded up (a countdown never says 0 while time is left),
 * and never negative. The one rounding rule for every countdown the user reads.
 */
export function retryInSeconds(
  status: Extract<ConnectionStatus, { state: 'reconnecting' }>,
  now: number,
): number {
  return Math.max(0, Math.ceil((status.nextRetryAt - now) / 1000));
}
