import type { IncomingMessage, ServerResponse } from 'node:http';
import { verifyClientId } from '../auth/indieauth';
import type { SimContext } from '../sim-context';
import { countedJson } from './login-flow-views';
import { sendEmpty } from './responses';
import { readBody } from './rest';

/** `await request.post()`: the fields of a form body; any other body has none. */
async function formFields(req: IncomingMessage): Promise<URLSearchParams> {
  const body = await readBody(req);
  const type = req.headers['content-type']?.split(';')[0]?.trim().toLowerCase();
  return new URLSearchParams(type === 'application/x-www-form-urlencoded' ? body : '');
}

const NO_STORE = { 'Cache-Control': 'no-store', Pragma: 'no-cache' };

/**
 * `POST /auth/revoke` (`RevokeTokenView`, also `action=revoke` on `/auth/token`): deletes the
 * refresh token whose token string is given. RFC 7009: always 200, whatever the token.
 */
function revokeToken(sim: SimContext, res: ServerResponse, fields: URLSearchParams): void {
  const token = fields.get('token');
  const refresh = token === null ? undefined : sim.auth.refreshTokenByToken(token);
  if (refresh) sim.auth.deleteRefreshToken(refresh.id);
  sendEmpty(res, 200, sim.generation);
}

/** Answers a grant: a status, a JSON body and, for tokens, headers; counted from 400 on. */
type Answer = (status: number, body: unknown, headers?: Record<string, string>) => void;

/** A grant type's handling of the form's `fields` for the client at `ip`. */
type Grant = (sim: SimContext, answer: Answer, ip: string, fields: URLSearchParams) => void;

const INVALID_CLIENT_ID = { error: 'invalid_request', error_description: 'Invalid client id' };
const INVALID_CODE = { error: 'invalid_request', error_description: 'Invalid code' };
/** `async_user_not_allowed_do_auth` of an inactive user. */
const USER_NOT_ACTIVE = { error: 'access_denied', error_description: 'User is not active' };

/**
 * `POST /auth/token` (`TokenView`, components/auth/__init__.py), form-encoded. Under
 * `@log_invalid_auth`: every answer from 400 on counts as a failed login; a revoke is always 200.
 */
export async function tokenEndpoint(
  sim: SimContext,
  req: IncomingMessage,
  res: ServerResponse,
  ip: string,
): Promise<void> {
  const fields = await formFields(req);
  if (fields.get('action') === 'revoke') return revokeToken(sim, res, fields);
  const answer: Answer = (status, body, headers) =>
    countedJson(sim, ip, res, status, body, headers);
  const grantType = fields.get('grant_type');
  if (grantType === 'authorization_code') return authorizationCodeGrant(sim, answer, ip, fields);
  if (grantType === 'refresh_token') return refreshTokenGrant(sim, answer, ip, fields);
  answer(400, { error: 'unsupported_grant_type' });
}

export async function revokeEndpoint(
  sim: SimContext,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  revokeToken(sim, res, await formFields(req));
}

/**
 * A code for a session: single use, 10 minutes, only with the client id it was issued to (asked
 * with another client id it is "Invalid code" and stays usable). The session is a `normal` refresh
 * token bound to the client id.
 */
const authorizationCodeGrant: Grant = (sim, answer, ip, fields) => {
  const clientId = fields.get('client_id');
  if (clientId === null || !verifyClientId(clientId)) return answer(400, INVALID_CLIENT_ID);
  const code = fields.get('code');
  const userId = code === null ? null : sim.logins.redeemCode(clientId, code);
  if (userId === null) return answer(400, INVALID_CODE);
  if (!sim.auth.user(userId)?.isActive) return answer(403, USER_NOT_ACTIVE);
  const refresh = sim.auth.createSessionToken(userId, clientId, ip);
  const accessToken = sim.auth.accessTokenFor(refresh, ip);
  answer(
    200,
    {
      access_token: accessToken,
      token_type: 'Bearer',
      refresh_token: refresh.token,
      expires_in: refresh.accessTokenLifespanSeconds,
      ha_auth_provider: 'homeassistant',
    },
    NO_STORE,
  );
};

/** A new access token for a session; the client id must be the session's. */
const refreshTokenGrant: Grant = (sim, answer, ip, fields) => {
  const clientId = fields.get('client_id');
  if (clientId !== null && !verifyClientId(clientId)) return answer(400, INVALID_CLIENT_ID);
  const token = fields.get('refresh_token');
  if (token === null) return answer(400, { error: 'invalid_request' });
  const refresh = sim.auth.refreshTokenByToken(token);
  if (!refresh) return answer(400, { error: 'invalid_grant' });
  if (refresh.clientId !== clientId) return answer(400, { error: 'invalid_request' });
  if (!sim.auth.user(refresh.userId)?.isActive) return answer(403, USER_NOT_ACTIVE);
  answer(
    200,
    {
      access_token: sim.auth.accessTokenFor(refresh, ip),
      token_type: 'Bearer',
      expires_in: refresh.accessTokenLifespanSeconds,
    },
    NO_STORE,
  );
};
