import type { TokenFactsView } from '../../shared/token-status';
import { wholeDaysBetween } from './days';
import type { RefreshTokenInfo } from './ports';
import { decodeTokenClaims } from './token-claims';

/** The stored token's facts, from its own payload and, once fetched, Home Assistant's token list. */
export interface TokenFacts {
  refreshTokenId: string | null;
  issuedAt: number | null;
  expiresAt: number | null;
  savedAt: number | null;
  name: string | null;
  createdAt: number | null;
}

/**
 * Reads iss/iat/exp from the token and looks its name and creation date up in `refreshTokens`
 * (the entry whose id is the token's iss). A token not shaped like a Home Assistant token has
 * unknown dates; the reminder then counts from `savedAt`.
 */
export function tokenFacts(
  token: string,
  savedAt: number | null,
  refreshTokens: readonly RefreshTokenInfo[] = [],
): TokenFacts {
  const claims = decodeTokenClaims(token);
  const entry = claims ? refreshTokens.find((t) => t.id === claims.refreshTokenId) : undefined;
  return {
    refreshTokenId: claims?.refreshTokenId ?? null,
    issuedAt: claims?.issuedAt ?? null,
    expiresAt: claims?.expiresAt ?? null,
    savedAt,
    name: entry?.clientName ?? null,
    createdAt: entry?.createdAt ?? null,
  };
}

export function tokenFactsView(facts: TokenFacts, now: number): TokenFactsView {
  return {
    name: facts.name,
    createdAt: facts.createdAt,
    issuedAt: facts.issuedAt,
    expiresAt: facts.expiresAt,
    savedAt: facts.savedAt,
    ageDays: facts.issuedAt === null ? null : wholeDaysBetween(facts.issuedAt, now),
  };
}
