import { SETTINGS_PAGES, type SettingsPage } from './ipc/contract';

/** A place in the settings window: a page, and the instance it shows where a page is about one. */
export interface SettingsRoute {
  page: SettingsPage;
  instance: string | null;
}

/** The URL hash of a route: `/connection`, or `/token/<key>` for one instance's page. */
export function settingsHash(page: SettingsPage, instance?: string | null): string {
  return instance ? `/${page}/${instance}` : `/${page}`;
}

/** Reads a hash main or the page wrote; anything else is the fallback page of no instance. */
export function parseSettingsHash(hash: string, fallback: SettingsPage): SettingsRoute {
  const [name, key] = hash.replace(/^#?\/?/, '').split(/[/?]/);
  const page = SETTINGS_PAGES.find((known) => known === name) ?? fallback;
  const instance = key && /^[a-z0-9-]{1,40}$/.test(key) ? key : null;
  return { page, instance };
}
