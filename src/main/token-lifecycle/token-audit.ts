import type {
  AuditRow,
  AuditView,
  RevokeRequest,
  RevokeResult,
  RotationInterval,
} from '../../shared/token-status';
import type { Clock } from '../ha/clock';
import type { Logger } from '../log/logger';
import { DAY_MS } from './days';
import type { HaTokenPort, RefreshTokenInfo } from './ports';
import { decodeTokenClaims } from './token-claims';
import { earliest } from './token-facts';

export interface AuditContext {
  /** The refresh-token id of the token HA Tray uses, from its payload. */
  currentTokenId: string | null;
  currentExpiresAt: number | null;
  interval: RotationInterval;
  now: number;
  /** Ids an unfinished rotation works on. */
  lockedIds: readonly string[];
}

const isUsedByThisApp = (token: RefreshTokenInfo, ctx: AuditContext) =>
  token.id === ctx.currentTokenId || token.isCurrent;

/**
 * The user's long-lived tokens, newest first. The JWT's expiry is known only for the token HA Tray
 * holds (HA does not list it); HA's own deletion date (`expire_at`) for every token whose expiry is
 * switched on. HA's `last_used_at` is left out because it is never updated for these tokens.
 */
export function auditRows(tokens: readonly RefreshTokenInfo[], ctx: AuditContext): AuditRow[] {
  const maxAge = ctx.interval === 'off' ? null : ctx.interval * DAY_MS;
  return tokens
    .filter((t) => t.type === 'long_lived_access_token')
    .map((t): AuditRow => {
      const used = isUsedByThisApp(t, ctx);
      return {
        id: t.id,
        name: t.clientName,
        createdAt: t.createdAt,
        expiresAt: earliest(t.id === ctx.currentTokenId ? ctx.currentExpiresAt : null, t.expireAt),
        usedByThisApp: used,
        olderThanInterval:
          maxAge !== null && t.createdAt !== null && ctx.now - t.createdAt > maxAge,
        revocable: !used && !ctx.lockedIds.includes(t.id),
      };
    })
    .sort((a, b) => (b.createdAt ?? 0) - (a.createdAt ?? 0));
}

export interface TokenAuditOptions {
  ha: HaTokenPort;
  currentToken: () => string | null;
  interval: () => RotationInterval;
  clock: Pick<Clock, 'now'>;
  lockedTokenIds: () => string[];
  logger?: Logger;
}

const MESSAGES = {
  unreachable: 'HA Tray could not reach Home Assistant to list your tokens.',
  confirm: 'Revoking a token stops every app or device that uses it, at once. Confirm to revoke.',
  current:
    'One of these is the token HA Tray uses. Use "Rotate now" to replace it safely. Nothing was revoked.',
  locked: 'One of these belongs to an unfinished rotation. Finish it first. Nothing was revoked.',
  notLongLived: 'One of these is not a long-lived access token. Nothing was revoked.',
  failed:
    'Home Assistant did not revoke this token. Try again, or delete it in your Home Assistant profile.',
} as const;

/** The token audit in settings: lists the user's long-lived tokens and revokes chosen ones. */
export class TokenAudit {
  constructor(private readonly options: TokenAuditOptions) {}

  async load(): Promise<AuditView> {
    try {
      const tokens = await this.options.ha.listRefreshTokens();
      return {
        state: 'loaded',
        rows: auditRows(tokens, this.context()),
        loadedAt: this.options.clock.now(),
      };
    } catch (error) {
      this.options.logger?.warn('Token audit: listing the tokens failed', error);
      return { state: 'error', message: MESSAGES.unreachable };
    }
  }

  /**
   * Revokes the chosen tokens after the user confirmed. All or none pass the rules: never the
   * token HA Tray uses (only a rotation replaces it), never one an unfinished rotation works on.
   */
  async revoke(request: RevokeRequest): Promise<RevokeResult> {
    if (!request.confirm) return { kind: 'needs_confirmation', message: MESSAGES.confirm };
    const ids = [...new Set(request.ids)];
    let tokens: RefreshTokenInfo[];
    try {
      tokens = await this.options.ha.listRefreshTokens();
    } catch (error) {
      this.options.logger?.warn('Token audit: listing the tokens failed', error);
      return {
        kind: 'done',
        revoked: [],
        failed: ids.map((id) => ({ id, message: MESSAGES.unreachable })),
      };
    }
    const ctx = this.context();
    const byId = new Map(tokens.map((t) => [t.id, t]));
    const refusal = (test: (id: string) => boolean, message: string): RevokeResult | null => {
      const refused = ids.filter(test);
      return refused.length ? { kind: 'refused', message, ids: refused } : null;
    };
    const refused =
      refusal(
        (id) => id === ctx.currentTokenId || byId.get(id)?.isCurrent === true,
        MESSAGES.current,
      ) ??
      refusal((id) => ctx.lockedIds.includes(id), MESSAGES.locked) ??
      refusal(
        (id) => byId.has(id) && byId.get(id)!.type !== 'long_lived_access_token',
        MESSAGES.notLongLived,
      );
    if (refused) return refused;

    const revoked: string[] = [];
    const failed: { id: string; message: string }[] = [];
    for (const id of ids) {
      try {
        // One already gone from the list counts as revoked: the port resolves for a missing id too.
        await this.options.ha.deleteRefreshToken(id);
        revoked.push(id);
      } catch (error) {
        this.options.logger?.warn('Token audit: revoking a token failed', error);
        failed.push({ id, message: MESSAGES.failed });
      }
    }
    return { kind: 'done', revoked, failed };
  }

  private context(): AuditContext {
    const current = this.options.currentToken();
    const claims = current === null ? null : decodeTokenClaims(current);
    return {
      currentTokenId: claims?.refreshTokenId ?? null,
      currentExpiresAt: claims?.expiresAt ?? null,
      interval: this.options.interval(),
      now: this.options.clock.now(),
      lockedIds: this.options.lockedTokenIds(),
    };
  }
}
