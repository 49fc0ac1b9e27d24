/**
 * Where the files HA Tray writes live, all in the user-data folder (kept 0700 by
 * src/main/storage/private-folder.ts), each a versioned document (src/main/storage/document-format.ts):
 * - the app's own files, at the folder's top;
 * - one Home Assistant's files, in that instance's folder. With one instance, that folder is the
 *   user-data folder itself, where they have always been. When HA Tray knows several, each gets
 *   `instances/<id>/` with these same names, and that version moves these files into its first
 *   instance's folder once (a change of layout, with its own fixture set).
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
