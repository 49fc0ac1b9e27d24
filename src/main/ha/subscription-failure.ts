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

/** Home Assistant's error (`{code, message}`), the library's lost connection, or anything else. */
export function classifySubscriptionFailure(error: unknown): SubscriptionFailure {
  const { code, message } =
    typeof error === 'object' && error !== null
      ? (error as { code?: unknown; message?: unknown })
      : { code: error, message: undefined };
  if (code === ERR_CONNECTION_LOST)
    return { outcome: 'lost', code: 'connection_lost', message: 'The connection was lost' };
  const text = typeof message === 'string' ? message : String(error);
  if (typeof code === 'string' && UNAVAILABLE.has(code))
    return { outcome: 'unavailable', code, message: text };
  return { outcome: 'failed', code: typeof code === 'string' ? code : 'error', message: text };
}
