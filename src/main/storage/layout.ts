/**
 * Where the files HA Tray writes live, all in the user-data folder (kept 0700 by
 * src/main/storage/private-folder.ts), each a versioned document (src/main/storage/document-format.ts):
 * - the app's own files, at the folder's top;
 * - each Home Assistant's files, in its instance's folder `instances/<key>/`, with these names
 *   (src/main/storage/instance-folders.ts). Up to settings version 2 there was one instance, and
 *   its files were at the top; they move into the first instance's folder once (fixture set v5).
 */
export const APP_FILES = {
  settings: 'settings.json',
  crashJournal: 'crashes.json',
} as const;

export const INSTANCE_FILES = {
  vault: 'token-vault.json',
  rotationJournal: 'rotation-journal.json',
  rotationReminder: 'rotation-reminder.json',
  signInJournal: 'sign-in-journal.json',
} as const;
