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

/** States in which the app makes no attempt of its own, so that Home Assistant does not ban it. */
export function isStopped(status: ConnectionStatus): boolean {
  return (
    status.state === 'auth_failed' || status.state === 'banned' || status.state === 'not_configured'
  );
}
