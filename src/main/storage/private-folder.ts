import { chmodSync, mkdirSync } from 'node:fs';

/** Owner only: the files hold the token's ciphertext, the Home Assistant address, the user's choices. */
export const PRIVATE_FILE_MODE = 0o600;
/** Owner only, so that nobody else can even list what HA Tray keeps. */
export const PRIVATE_FOLDER_MODE = 0o700;

/**
 * Makes the folder the app's files live in, or narrows an existing one to its owner: `mkdir`
 * leaves a folder that exists as it is (Electron, electron-store and older HA Trays made it 0755).
 * Windows has no such modes; there the folder keeps the user profile's access rules.
 */
export function ensurePrivateFolder(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_FOLDER_MODE });
  try {
    chmodSync(dir, PRIVATE_FOLDER_MODE);
  } catch {
    // A folder the user made and another account owns: the files in it are still 0600, and
    // refusing to start would lose more than the narrower folder protects.
  }
}
