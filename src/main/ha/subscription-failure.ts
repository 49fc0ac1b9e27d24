import { ERR_CONNECTION_LOST } from 'home-assistant-js-websocket';

/**
 * Why Home Assistant did not establish a subscription, classified once for every subscription
 * (src/main/ha/subscription-layer.ts):
 * - `unavailable`: asking again on this connection gets the same answer. `unknown_command` (no
 *   such command on this Home Assistant, or its integration is not loaded), `not_found` (the thing
 *   it names is gone: a webhook, a config entry), `unauthorized` (only an administrator may;
 *   `needs_admin` when HA Tray knew so and did not ask), `invalid_format` (a parameter this Home
 *   Assistant does not take yet).
 * - `lost`: the connection went away first; the next connection establishes it again.
 * - `failed`: anything else (an error inside Home Assistant); tried again on the next connection
 *   or when asked to.
 */
export interface SubscriptionFailure {
  outcome: 'unavailable' | 'lost' | 'failed';
  code: string;
  message: string;
}

const UNAVAILABLE = new Set(['unknown_command', 'not_found', 'unauthorized', 'invalid_format']);

/** The failure for a non-administrator and a subscription declared as needing one. */
export const NEEDS_ADMIN: SubscriptionFailure = {
  outcome: 'unavailable',
  code: 'needs_admin',
  message: 'Only an administrator of Home Assistant may subscribe to it',
};

/**
 * Whether a command (a subscription or any other) failed because the connection went away: the
 * library rejects in-flight commands with the bare number, or with a result-shaped
 * `{ error: { code: 3 } }` when the socket closes under them.
 */
export function isConnectionLost(error: unknown): boolean {
  const lost = error as { code?: unknown; error?: { code?: unknown } } | null | undefined;
  return (
    error === ERR_CONNECTION_LOST ||
    lost?.code === ERR_CONNECTION_LOST ||
    lost?.error?.code === ERR_CONNECTION_LOST
  );
}

/** Home Assistant's error (`{code, message}`), the library's lost connection, or anything else. */
export function classifySubscriptionFailure(error: unknown): SubscriptionFailure {
  if (isConnectionLost(error))
    return { outcome: 'lost', code: 'connection_lost', message: 'The connection was lost' };
  const { code, message } =
    typeof error === 'object' && error !== null
      ? (error as { code?: unknown; message?: unknown })
      : { code: error, message: undefined };
  const text = typeof message === 'string' ? message : String(error);
  if (typeof code === 'string' && UNAVAILABLE.has(code))
    return { outcome: 'unavailable', code, message: text };
  return { outcome: 'failed', code: typeof code === 'string' ? code : 'error', message: text };
}
