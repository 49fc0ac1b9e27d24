import { decodeJwt, decodeProtectedHeader, type JWTPayload } from 'jose';

/**
 * The claims of a JWT such as a Home Assistant access token, read without verifying it (only
 * Home Assistant holds the key). Null for anything that is not a JWT with an `alg` header.
 * The one JWT decoder of the app: the token page, the vault and the token commands use it.
 */
export function readJwtClaims(token: string): JWTPayload | null {
  try {
    if (typeof decodeProtectedHeader(token).alg !== 'string') return null;
    return decodeJwt(token);
  } catch {
    return null;
  }
}
