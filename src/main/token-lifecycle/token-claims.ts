import { readJwtClaims } from '../../shared/jwt-claims';

/** What a Home Assistant long-lived token says about itself (an HS256 JWT, read without verifying). */
export interface TokenClaims {
  /** The refresh-token id, as `auth/refresh_tokens` and `auth/delete_refresh_token` know it. */
  refreshTokenId: string;
  issuedAt: number;
  /** Home Assistant always sets it; null if a token lacks it. */
  expiresAt: number | null;
}

/** Null for anything not shaped like a Home Assistant token (no JWT, no string iss, no numeric iat). */
export function decodeTokenClaims(token: string): TokenClaims | null {
  const claims = readJwtClaims(token);
  if (
    !claims ||
    typeof claims.iss !== 'string' ||
    claims.iss === '' ||
    typeof claims.iat !== 'number'
  )
    return null;
  return {
    refreshTokenId: claims.iss,
    issuedAt: claims.iat * 1000,
    expiresAt: typeof claims.exp === 'number' ? claims.exp * 1000 : null,
  };
}

/** The refresh-token id of a token, or null when the token does not carry one. */
export function refreshTokenIdOf(token: string | null): string | null {
  return token === null ? null : (decodeTokenClaims(token)?.refreshTokenId ?? null);
}
