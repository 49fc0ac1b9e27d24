import { humanizeError, Invalid, MultipleInvalid, ofType, schema, type Validator } from '../schema';
import type { SimContext } from '../sim-context';
import type { SimConnection } from './connection';

const literal =
  (expected: string): Validator =>
  (v, path) => {
    if (v !== expected) throw new Invalid('not a valid value', path);
    return v;
  };

/** AUTH_MESSAGE_SCHEMA of websocket_api/auth.py. */
const AUTH_MESSAGE = schema([
  { key: 'type', validate: literal('auth'), required: true },
  { key: 'api_password', validate: ofType('str'), exclusive: 'auth' },
  { key: 'access_token', validate: ofType('str'), exclusive: 'auth' },
]);

/**
 * The auth phase (websocket_api/auth.py `AuthPhase.async_handle`). Resolves true on `auth_ok`.
 * A malformed message gets "Auth message incorrectly formatted: ..." and does not count toward a
 * ban; a bad or missing token gets "Invalid access token or password" and counts; a good one resets
 * the address's count. Either failure closes the socket after the message.
 */
export async function authenticate(
  sim: SimContext,
  conn: SimConnection,
  msg: unknown,
): Promise<boolean> {
  sim.stats.authAttempts++;
  const fail = (message: string) => {
    sim.stats.authFailures++;
    conn.send({ type: 'auth_invalid', message });
    conn.close(true);
    return false;
  };
  let valid: Record<string, unknown>;
  try {
    valid = AUTH_MESSAGE(msg, []);
  } catch (err) {
    if (err instanceof MultipleInvalid)
      return fail(`Auth message incorrectly formatted: ${humanizeError(msg, err)}`);
    throw err;
  }
  const result = valid.access_token ? await sim.auth.validate(valid.access_token) : null;
  if (!result) {
    sim.bans.recordFailure(conn.ip);
    return fail('Invalid access token or password');
  }
  conn.user = result.user;
  conn.refreshTokenId = result.refreshToken.id;
  conn.phase = 'command';
  conn.send({ type: 'auth_ok', ha_version: sim.haVersion });
  sim.bans.recordSuccess(conn.ip);
  return true;
}
