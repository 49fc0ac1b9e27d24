import { randomBytes } from 'node:crypto';
import { hexId } from '../ids';
import { signAccessToken, verifyAccessToken } from './tokens';

export interface SimUser {
  id: string;
  name: string;
  isOwner: boolean;
  isAdmin: boolean;
  /** An inactive user's tokens are refused everywhere, and the login flow blocks them. */
  isActive: boolean;
}

export type RefreshTokenType = 'normal' | 'system' | 'long_lived_access_token';

export interface RefreshToken {
  id: string;
  /** The refresh token itself (`secrets.token_hex(64)`): what `/auth/token` hands out and takes. */
  token: string;
  userId: string;
  clientId: string | null;
  clientName: string | null;
  clientIcon: string | null;
  type: RefreshTokenType;
  createdAt: Date;
  /** Set by the login flow; a long-lived token has none (it is made over the WebSocket). */
  authProviderType: string | null;
  lastUsedIp: string | null;
  /** A key per refresh token, as in Home Assistant: tokens survive restarts and die with it. */
  jwtKey: string;
  accessTokenLifespanSeconds: number;
  /** When an access token was last made from it: for a long-lived token, only at creation. */
  lastUsedAt: Date;
  /** 2026.2: when Home Assistant deletes it (epoch ms), or null for never. 2024.1 has no expiry. */
  expireAt: number | null;
}

/** `REFRESH_TOKEN_EXPIRATION` (auth/const.py, 2024.2 on): 90 days after the token was last used. */
export const REFRESH_TOKEN_EXPIRATION_MS = 90 * 86_400_000;

/** Python's datetime stops at year 9999: a longer lifespan fails when the token is made. */
const MAX_DATE_MS = Date.UTC(9999, 11, 31, 23, 59, 59);

export class DuplicateClientName extends Error {}
export class ExpiryOutOfRange extends Error {}

/** Users and refresh tokens (homeassistant/auth), with revocation callbacks for open sockets. */
export class AuthStore {
  private readonly users = new Map<string, SimUser>();
  private readonly tokens = new Map<string, RefreshToken>();
  private readonly revokeListeners = new Set<(refreshTokenId: string) => void>();

  /**
   * `expiringTokens` (2026.2): session tokens expire 90 days after last use, and expiry can be
   * switched on for any token (`AuthManager.async_create_refresh_token`, `AuthStore.async_set_expiry`);
   * `deactivationDeletesTokens` (2026.2): deactivating a user deletes every token of theirs
   * (`AuthManager.async_deactivate_user`), where 2024.1 only refuses them while inactive.
   */
  constructor(
    private readonly now: () => Date = () => new Date(),
    private readonly releaseRules: {
      expiringTokens: boolean;
      deactivationDeletesTokens: boolean;
    } = { expiringTokens: false, deactivationDeletesTokens: false },
  ) {}

  createUser(name: string, opts: { isOwner?: boolean; isAdmin?: boolean } = {}): SimUser {
    const isOwner = opts.isOwner ?? false;
    const user: SimUser = {
      id: hexId(),
      name,
      isOwner,
      isAdmin: opts.isAdmin ?? isOwner,
      isActive: true,
    };
    this.users.set(user.id, user);
    return user;
  }

  user(id: string): SimUser | undefined {
    return this.users.get(id);
  }

  /**
   * As `config/auth/update {is_active}` in Settings -> People. An inactive user's tokens are refused;
   * in 2026.2 deactivating deletes them all (their sockets close). The owner cannot be deactivated.
   */
  setUserActive(userId: string, active: boolean): void {
    const user = this.users.get(userId);
    if (!user) throw new Error(`no user ${userId}`);
    if (!active && user.isOwner) throw new Error('Unable to deactivate the owner');
    user.isActive = active;
    if (!active && this.releaseRules.deactivationDeletesTokens)
      for (const token of this.tokensOf(userId)) this.deleteRefreshToken(token.id);
  }

  /**
   * A refresh token from the login flow, as a browser session holds one: `normal`, bound to the
   * client id, no client name (`AuthManager.async_create_refresh_token` with a credential).
   */
  createSessionToken(userId: string, clientId: string, remoteIp = '127.0.0.1'): RefreshToken {
    return this.addRefreshToken(userId, {
      clientId,
      clientName: null,
      clientIcon: null,
      type: 'normal',
      authProviderType: 'homeassistant',
      lastUsedIp: remoteIp,
      accessTokenLifespanSeconds: 1800,
    });
  }

  /**
   * An access token made for a client (`async_create_access_token` with the remote address): the
   * use is logged (`AuthStore.async_log_refresh_token_usage`), which in 2026.2 also pushes an
   * expiring token's end 90 days past now.
   */
  accessTokenFor(refresh: RefreshToken, remoteIp: string): string {
    const now = this.now();
    refresh.lastUsedAt = now;
    refresh.lastUsedIp = remoteIp;
    if (refresh.expireAt !== null) refresh.expireAt = now.getTime() + REFRESH_TOKEN_EXPIRATION_MS;
    return this.accessToken(refresh);
  }

  /** The refresh token whose token string this is (`async_get_refresh_token_by_token`). */
  refreshTokenByToken(token: string): RefreshToken | undefined {
    this.removeExpired();
    for (const refresh of this.tokens.values()) if (refresh.token === token) return refresh;
    return undefined;
  }

  /**
   * `auth/long_lived_access_token`: the refresh token first, then its access token. As in Home
   * Assistant, a second long-lived token with the same client name fails, and an expiry past the
   * year 9999 fails only after the refresh token was stored (so its client name is then taken).
   */
  createLongLivedToken(
    userId: string,
    clientName: string,
    lifespanDays: number,
    clientIcon: string | null = null,
  ): string {
    if (!this.users.has(userId)) throw new Error(`no user ${userId}`);
    // Python's timedelta refuses more than 999,999,999 days before anything is stored.
    if (Math.abs(lifespanDays) > 999_999_999) throw new ExpiryOutOfRange('days out of range');
    for (const token of this.tokensOf(userId)) {
      if (token.type === 'long_lived_access_token' && token.clientName === clientName)
        throw new DuplicateClientName(`${clientName} already exists`);
    }
    const refresh = this.addRefreshToken(userId, {
      clientId: null,
      clientName,
      clientIcon,
      type: 'long_lived_access_token',
      authProviderType: null,
      lastUsedIp: null,
      accessTokenLifespanSeconds: lifespanDays * 86400,
    });
    return this.accessToken(refresh);
  }

  accessToken(refresh: RefreshToken): string {
    const nowMs = this.now().getTime();
    const expMs = nowMs + refresh.accessTokenLifespanSeconds * 1000;
    if (expMs > MAX_DATE_MS || expMs < Date.UTC(1, 0, 1))
      throw new ExpiryOutOfRange('date value out of range');
    const iat = Math.floor(nowMs / 1000);
    return signAccessToken(
      refresh.id,
      refresh.jwtKey,
      iat,
      iat + refresh.accessTokenLifespanSeconds,
    );
  }

  /** The refresh token and user behind an access token, or null. */
  async validate(
    accessToken: unknown,
  ): Promise<{ refreshToken: RefreshToken; user: SimUser } | null> {
    this.removeExpired();
    const id = await verifyAccessToken(
      accessToken,
      (iss) => this.tokens.get(iss)?.jwtKey,
      this.now(),
    );
    const refreshToken = id === null ? undefined : this.tokens.get(id);
    const user = refreshToken && this.users.get(refreshToken.userId);
    // `async_validate_access_token` refuses the tokens of an inactive user.
    return refreshToken && user?.isActive ? { refreshToken, user } : null;
  }

  refreshToken(id: string): RefreshToken | undefined {
    this.removeExpired();
    return this.tokens.get(id);
  }

  tokensOf(userId: string): RefreshToken[] {
    this.removeExpired();
    return [...this.tokens.values()].filter((t) => t.userId === userId);
  }

  /** Deleting a refresh token closes every socket opened with it (`async_register_revoke_token_callback`). */
  deleteRefreshToken(id: string): boolean {
    if (!this.tokens.delete(id)) return false;
    for (const listener of this.revokeListeners) listener(id);
    return true;
  }

  /**
   * `auth/refresh_token_set_expiry` (2026.2, `AuthStore.async_set_expiry` in auth/auth_store.py):
   * expiry starts from the last use, which for a long-lived token is its creation, so such a token
   * is deleted 90 days after it was made, whatever its JWT's `exp` says.
   */
  setExpiry(token: RefreshToken, enable: boolean): void {
    if (!enable) token.expireAt = null;
    else token.expireAt ??= token.lastUsedAt.getTime() + REFRESH_TOKEN_EXPIRATION_MS;
  }

  /**
   * Home Assistant deletes expired tokens on a timer (`_async_remove_expired_refresh_tokens`); the
   * simulator does it whenever the store is consulted, which no client can tell apart.
   */
  private removeExpired(): void {
    const now = this.now().getTime();
    for (const token of [...this.tokens.values()])
      if (token.expireAt !== null && token.expireAt <= now) this.deleteRefreshToken(token.id);
  }

  onRevoke(listener: (refreshTokenId: string) => void): () => void {
    this.revokeListeners.add(listener);
    return () => this.revokeListeners.delete(listener);
  }

  private addRefreshToken(
    userId: string,
    fields: Omit<
      RefreshToken,
      'id' | 'token' | 'userId' | 'createdAt' | 'jwtKey' | 'lastUsedAt' | 'expireAt'
    >,
  ): RefreshToken {
    const now = this.now();
    const token: RefreshToken = {
      id: hexId(),
      token: randomBytes(64).toString('hex'),
      userId,
      createdAt: now,
      jwtKey: randomBytes(64).toString('hex'),
      lastUsedAt: now,
      expireAt:
        this.releaseRules.expiringTokens && fields.type === 'normal'
          ? now.getTime() + REFRESH_TOKEN_EXPIRATION_MS
          : null,
      ...fields,
    };
    this.tokens.set(token.id, token);
    return token;
  }
}
