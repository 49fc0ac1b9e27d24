import { readJwtClaims } from '../../shared/jwt-claims';

export interface TokenDates {
  refreshTokenId: string | null;
  issuedAt: Date | null;
  expiresAt: Date | null;
}

/** Reads iss/iat/exp from a Home Assistant token (a JWT; nothing is verified). Unknown for anything else. */
export function tokenDates(token: string): TokenDates {
  const claims = readJwtClaims(token);
  return {
    refreshTokenId: typeof claims?.iss === 'string' ? claims.iss : null,
    issuedAt: typeof claims?.iat === 'number' ? new Date(claims.iat * 1000) : null,
    expiresAt: typeof claims?.exp === 'number' ? new Date(claims.exp * 1000) : null,
  };
}
