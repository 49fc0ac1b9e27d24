import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { hexId } from './ids';

export interface SimUser {
  id: string;
  name: string;
  isOwner: boolean;
  isAdmin: boolean;
}

export interface RefreshToken {
  id: string;
  userId: string;
  clientName: string | null;
  clientIcon: string | null;
  type: 'normal' | 'long_lived_access_token';
  createdAt: Date;
  /** Per-token signing key, as in Home Assistant: tokens survive restarts, die with their refresh token. */
  jwtKey: string;
  lifespanSeconds: number;
}

const base64url = (data: Buffer | string) => Buffer.from(data).toString('base64url');

/** Users and refresh tokens, with long-lived access tokens as HS256 JWTs shaped like Home Assistant's. */
export class AuthStore {
  readonly users = new Map<string, SimUser>();
  readonly refreshTokens = new Map<string, RefreshToken>();
  private readonly revokeListeners: Array<(refreshTokenId: string) => void> = [];

  constructor(private readonly now: () => Date = () => new Date()) {}

  createUser(name: string, opts: { isOwner?: boolean; isAdmin?: boolean } = {}): SimUser {
    const user = {
      id: hexId(),
      name,
      isOwner: opts.isOwner ?? false,
      isAdmin: opts.isAdmin ?? opts.isOwner ?? false,
    };
    this.users.set(user.id, user);
    return user;
  }

  /** Home Assistant refuses a second token with the same client name for the same user. */
  createLongLivedToken(
    userId: string,
    clientName: string,
    lifespanDays = 3650,
    clientIcon: string | null = null,
  ): string {
    if (!this.users.has(userId)) throw new Error(`no user ${userId}`);
    for (const token of this.refreshTokens.values()) {
      if (token.userId === userId && token.clientName === clientName) {
        throw new Error(`Can't create a second token with client name ${clientName}`);
      }
    }
    const refresh: RefreshToken = {
      id: hexId(),
      userId,
      clientName,
      clientIcon,
      type: 'long_lived_access_token',
      createdAt: this.now(),
      jwtKey: randomBytes(32).toString('hex'),
      lifespanSeconds: lifespanDays * 86400,
    };
    this.refreshTokens.set(refresh.id, refresh);
    return this.sign(refresh);
  }

  private sign(refresh: RefreshToken): string {
    const iat = Math.floor(this.now().getTime() / 1000);
    const header = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
    const payload = base64url(
      JSON.stringify({ iss: refresh.id, iat, exp: iat + refresh.lifespanSeconds }),
    );
    const signature = createHmac('sha256', refresh.jwtKey)
      .update(`${header}.${payload}`)
      .digest('base64url');
    return `${header}.${payload}.${signature}`;
  }

  /** The refresh token behind a valid access token, or null (bad signature, expired, deleted, too long). */
  validate(accessToken: unknown): { refreshToken: RefreshToken; user: SimUser } | null {
    if (typeof accessToken !== 'string' || accessToken.length > 8192) return null;
    const parts = accessToken.split('.');
    if (parts.length !== 3) return null;
    const [header, payload, signature] = parts as [string, string, string];
    let claims: { iss?: unknown; exp?: unknown };
    try {
      claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    } catch {
      return null;
    }
    const refresh = typeof claims.iss === 'string' ? this.refreshTokens.get(claims.iss) : undefined;
    if (!refresh) return null;
    const expected = createHmac('sha256', refresh.jwtKey).update(`${header}.${payload}`).digest();
    const given = Buffer.from(signature, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    if (typeof claims.exp !== 'number' || claims.exp * 1000 <= this.now().getTime()) return null;
    const user = this.users.get(refresh.userId);
    return user ? { refreshToken: refresh, user } : null;
  }

  deleteRefreshToken(id: string): boolean {
    if (!this.refreshTokens.delete(id)) return false;
    for (const listener of this.revokeListeners) listener(id);
    return true;
  }

  onRevoke(listener: (refreshTokenId: string) => void): void {
    this.revokeListeners.push(listener);
  }

  tokensOf(userId: string): RefreshToken[] {
    return [...this.refreshTokens.values()].filter((t) => t.userId === userId);
  }
}
