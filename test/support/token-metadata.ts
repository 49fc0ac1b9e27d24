import type { TokenMetadata } from '../../src/shared/token-metadata';

/** A saved, readable token as the renderer and the tray see it. */
export const READY_TOKEN: TokenMetadata = {
  present: true,
  state: 'ready',
  protection: 'GNOME Keyring (libsecret)',
  weakProtection: false,
  savedAt: null,
  issuedAt: null,
  expiresAt: null,
  name: null,
  message: null,
};

/** No token saved yet: a first run. */
export const NO_TOKEN: TokenMetadata = { ...READY_TOKEN, present: false, state: 'empty' };
