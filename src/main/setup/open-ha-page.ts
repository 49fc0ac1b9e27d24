import { haPageUrl } from '../../shared/ha-page-url';
import { UserFacingError } from '../../shared/user-facing-error';
import type { Shell } from '../windows/shell';

/** Opens a page of the Home Assistant at `origin` in the browser, and nothing else. */
async function openHaPage(
  origin: string | null | undefined,
  path: string,
  shell: Shell,
): Promise<void> {
  if (!origin) throw new UserFacingError('Set up the connection to Home Assistant first.');
  const url = haPageUrl(origin, path);
  if (!url) throw new UserFacingError('HA Tray only opens pages of your Home Assistant.');
  await shell.openExternal(url);
}

/**
 * Opens a page of an instance's saved Home Assistant: the one rule for every "open in Home Assistant" (the
 * tray, a notification's click, a page's link). The address is the saved one, never a page's.
 */
export function openSavedHaPage(
  settings: { entry(): { origin: string | null } },
  path: string,
  shell: Shell,
): Promise<void> {
  return openHaPage(settings.entry().origin, path, shell);
}

/**
 * Opens the profile page where a new user makes a token, on an address that is not saved yet:
 * the one page HA Tray opens on a typed address.
 */
export function openTokenCreationPage(origin: string, shell: Shell): Promise<void> {
  return openHaPage(origin, '/profile/security', shell);
}
