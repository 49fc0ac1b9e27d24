import { createHmac } from 'node:crypto';
import { decodeJwt, jwtVerify } from 'jose';

/**
 * Access tokens as Home Assistant makes them (auth/__init__.py `async_create_access_token`): an HS256
 * JWT with `iss` = the refresh token's id, `iat` and `exp`, signed with that refresh token's own key.
 *
 * Signing uses node:crypto because the simulator's API hands out tokens synchronously
 * (`createLongLivedToken(...): string`) and jose only signs asynchronously; verification uses jose.
 */
export function signAccessToken(
  refreshTokenId: string,
  jwtKey: string,
  iat: number,
  exp: number,
): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const unsigned = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode({ iss: refreshTokenId, iat, exp })}`;
  return `${unsigned}.${createHmac('sha256', jwtKey).update(unsigned).digest('base64url')}`;
}

/** Home Assistant refuses longer tokens before looking at them. */
const MAX_TOKEN_LENGTH = 8192;

/**
 * The refresh token id a valid access token belongs to, or null. Like `async_validate_access_token`:
 * the unverified `iss` picks the key, then signature, issuer and expiry (10 s leeway) are checked.
 */
export async function verifyAccessToken(
  token: unknown,
  keyOf: (refreshTokenId: string) => string | undefined,
  now: Date,
): Promise<string | null> {
  if (typeof token !== 'string' || token.length > MAX_TOKEN_LENGTH) return null;
  let issuer: unknown;
  try {
    issuer = decodeJwt(token).iss;
  } catch {
    return null;
  }
  const key = typeof issuer === 'string' ? keyOf(issuer) : undefined;
  if (typeof issuer !== 'string' || key === undefined) return null;
  try {
    await jwtVerify(token, new TextEncoder().encode(key), {
      algorithms: ['HS256'],
      issuer,
      clockTolerance: 10,
      currentDate: now,
      requiredClaims: ['exp', 'iat'],
    });
    return issuer;
  } catch {
    return null;
  }
}
