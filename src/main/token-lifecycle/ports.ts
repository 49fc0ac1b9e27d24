/**
 * What the token lifecycle needs from the rest of the main process. The connection supervisor
 * (src/main/ha) and the token vault (src/main/vault) implement these; the composition root wires
 * them. Token strings pass through these calls and nowhere else: never into logs, errors or state.
 */

/** One entry of `auth/refresh_tokens`, times as epoch milliseconds. */
export interface RefreshTokenInfo {
  id: string;
  clientName: string | null;
  /** The OAuth client a sign-in session belongs to (`http://127.0.0.1:PORT/` for HA Tray's). */
  clientId?: string | null;
  type: 'normal' | 'system' | 'long_lived_access_token';
  createdAt: number | null;
  /**
   * When Home Assistant deletes the token (`expire_at`, 2024.2 on): null when it never does, or
   * when Home Assistant is older and does not say.
   */
  expireAt: number | null;
  /** The refresh token of the connection that asked (the live connection's token). */
  isCurrent: boolean;
}

/** Whose a token is. `instanceId` identifies the Home Assistant when the adapter knows it. */
export interface HaIdentity {
  userId: string;
  userName?: string;
  instanceId?: string;
}

/** `rejected`: Home Assistant refused the token (auth_invalid). Network trouble throws instead. */
export type VerifyOutcome = ({ kind: 'ok' } & HaIdentity) | { kind: 'rejected' };

/** Home Assistant's token commands, sent on the live connection unless said otherwise. */
export interface HaTokenPort {
  /** `auth/long_lived_access_token`: returns the new token string. */
  createToken(clientName: string, lifespanDays: number): Promise<string>;
  /** `auth/refresh_tokens`: the user's tokens. */
  listRefreshTokens(): Promise<RefreshTokenInfo[]>;
  /**
   * `auth/delete_refresh_token`. Resolves when the token is gone, also when it already was
   * (`invalid_token_id`), so that a retried step succeeds. Never `auth/delete_all_refresh_tokens`.
   */
  deleteRefreshToken(id: string): Promise<void>;
  /** Authenticates `token` on a fresh, short-lived connection and says whose it is. */
  verifyToken(token: string): Promise<VerifyOutcome>;
  /** `auth/current_user` on the live connection. */
  currentUser(): Promise<HaIdentity>;
}

/** The token vault as a rotation uses it. */
export interface RotationVault {
  currentToken(): string | null;
  pendingToken(): string | null;
  /** Stores the token encrypted as pending (not in use). */
  savePending(token: string): Promise<void>;
  /** The pending token becomes current in one atomic write. */
  promotePending(): Promise<void>;
  discardPending(): Promise<void>;
}

/** The token vault as a manual replacement uses it. */
export interface ReplacingVault {
  currentToken(): string | null;
  /** Stores the token encrypted as the current one. */
  saveCurrent(token: string): Promise<void>;
}

export interface LiveConnection {
  /**
   * Moves the live connection to `token` without the user seeing a disconnect (authenticate a
   * second connection first, then drop the first). Throws if the token does not work.
   */
  switchToken(token: string): Promise<void>;
}
