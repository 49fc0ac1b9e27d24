import { describeBackend } from './secret-store';

/** What the user reads about the vault: each says what happened and what to do. Never a token. */
export const vaultMessages = {
  weakStorageRefused:
    'This computer has no keyring for HA Tray to protect the token with, so HA Tray will not ' +
    'store it. Install and unlock a keyring, then restart HA Tray: GNOME Keyring (the ' +
    '"gnome-keyring" and "libsecret" packages) or KDE Wallet. On a desktop HA Tray does not ' +
    'recognise, start it with --password-store=gnome-libsecret (or kwallet6). Or allow weak ' +
    'storage: the token is then saved with a key built into the app, which protects nothing.',
  locked: 'Waiting for the keyring to be unlocked; HA Tray keeps trying.',
  lockedOnSave:
    'The keyring is locked or not available yet. Unlock it (for example by logging in again) and save again.',
  damagedFile: 'The saved token could not be read (its file is damaged). Paste your token again.',
  newerFile:
    'The token was saved by a newer version of HA Tray, which this version cannot read. HA Tray ' +
    'leaves it untouched and cannot save another token over it: update HA Tray to use it again.',
  notDecryptable:
    'The saved token could not be decrypted (the keyring may have been reset). Paste your token again.',
  backendChanged: (savedWith: string, now: string) =>
    `The token was saved with ${describeBackend(savedWith)}, but HA Tray now uses ` +
    `${describeBackend(now)} and cannot read it. Paste your token again.`,
  keyringGone: (savedWith: string) =>
    `The token was saved with ${describeBackend(savedWith)}, which HA Tray could not reach when ` +
    'it started. If that keyring is installed, unlock it and restart HA Tray; otherwise paste ' +
    'your token again.',
  encryptFailed:
    'The keyring could not encrypt the token. Check that it is unlocked, then save again.',
  emptyToken: 'Paste a token first.',
  notReady: 'A new token can be stored for a rotation only while the current one is readable.',
  noPending: 'There is no pending token to use.',
} as const;
