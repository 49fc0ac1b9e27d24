import type { TokenFactsView } from '../../shared/token-status';
import { wholeDaysBetween } from './days';
import type { RefreshTokenInfo } from './ports';
import { decodeTokenClaims } from './token-claims';

/** The stored token's facts, from its own payload and, once fetched, Home Assistant's token list. */
export interface TokenFacts {
  refreshTokenId: string | null;
  issuedAt: number | null;
  /** The JWT's `exp`. */
  expiresAt: number | null;
  /**
   * When Home Assistant deletes the token (`expire_at`, 2024.2 on), null when it never does or does
   * not say. Set for a long-lived token whose expiry the user switched on, and then earlier than
   * `exp`: Home Assistant never records such a token's use, so it goes 90 days after creation.
   */
  haExpireAt: number | null;
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
    haExpireAt: entry?.expireAt ?? null,
    savedAt,
    name: entry?.clientName ?? null,
    createdAt: entry?.createdAt ?? null,
  };
}

/** The earlier of two deadlines, either of which may be unknown. */
export const earliest = (a: number | null, b: number | null): number | null =>
  a === null ? b : b === null ? a : Math.min(a, b);

/** When the token stops working: its JWT's `exp`, or Home Assistant's `expire_at` if sooner. */
export const effectiveExpiry = (facts: Pick<TokenFacts, 'expiresAt' | 'haExpireAt'>) =>
  earliest(facts.expiresAt, facts.haExpireAt);

export function tokenFactsView(facts: TokenFacts, now: number): TokenFactsView {
  return {
    name: facts.name,
    createdAt: facts.createdAt,
    issuedAt: facts.issuedAt,
    expiresAt: facts.expiresAt,
    haExpireAt: facts.haExpireAt,
    savedAt: facts.savedAt,
    ageDays: facts.issuedAt === null ? null : wholeDaysBetween(facts.issuedAt, now),
  };
}
