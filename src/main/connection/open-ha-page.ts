import { haPageUrl } from '../../shared/ha-page-url';
import { UserFacingError } from '../../shared/user-facing-error';
import type { Shell } from '../windows/shell';

/** Opens a page of the configured Home Assistant in the browser, and nothing else. */
export async function openHaPage(
  origin: string | undefined,
  path: string,
  shell: Shell,
): Promise<void> {
  if (!origin) throw new UserFacingError('Set up the connection to Home Assistant first.');
  const url = haPageUrl(origin, path);
  if (!url) throw new UserFacingError('HA Tray only opens pages of your Home Assistant.');
  await shell.openExternal(url);
}
