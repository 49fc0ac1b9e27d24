/**
 * How Home Assistant refuses a login, the one classification every caller uses: the token was
 * rejected (`auth_invalid` on the WebSocket, HTTP 401 on the REST API), or this computer's IP
 * address is banned (HTTP 403, on the API or on the WebSocket upgrade). Either one stops every
 * automatic attempt: each further try with a bad token counts toward a ban.
 */
export type LoginRefusal = 'token_rejected' | 'banned';

/** A refusal from an HTTP status, or null when the status refuses nothing. */
export function httpRefusal(status: number): LoginRefusal | null {
  if (status === 401) return 'token_rejected';
  if (status === 403) return 'banned';
  return null;
}

/**
 * A refusal from a failed WebSocket open (`SocketFailure` in src/main/ha/ha-socket.ts), or null
 * for any other failure (network, timeout, a proxy's error page).
 */
export function socketRefusal(
  failure: { kind: string; status?: number } | null | undefined,
): LoginRefusal | null {
  if (!failure) return null;
  if (failure.kind === 'auth_invalid') return 'token_rejected';
  if (
    failure.kind === 'http' &&
    failure.status !== undefined &&
    httpRefusal(failure.status) === 'banned'
  )
    return 'banned';
  return null;
}
