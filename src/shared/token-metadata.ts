/** Everything the renderer may know about the stored token. Never the token itself. */
export type VaultState =
  /** No token saved yet. */
  | 'empty'
  | 'ready'
  /** The keyring is locked or not available yet; HA Tray retries by itself. */
  | 'locked'
  /** The saved token cannot be decrypted (the keyring changed, or the file is damaged). */
  | 'undecryptable'
  /** Linux without a keyring, and the user has not agreed to weak storage. */
  | 'weak_storage_refused';

export interface TokenMetadata {
  present: boolean;
  state: VaultState;
  /** What protects the token, in words: "GNOME Keyring (libsecret)". */
  protection: string;
  weakProtection: boolean;
  /** ISO dates. */
  savedAt: string | null;
  issuedAt: string | null;
  expiresAt: string | null;
  /** The token's name in Home Assistant, once known. */
  name: string | null;
  /** What the user should know or do, when something is wrong. */
  message: string | null;
}
