import { isAbsolute, relative, resolve, sep } from 'node:path';

/** The app's pages are served from `ha-tray://app/...`: a real origin that IPC sender checks and the CSP can name. */
export const APP_SCHEME = 'ha-tray';
export const APP_ORIGIN = `${APP_SCHEME}://app`;

/**
 * Maps an `ha-tray://app/<path>` request to a file inside the built renderer folder, or null for
 * another host, a traversal attempt or anything outside that folder.
 */
export function resolveAppAsset(rendererDir: string, requestUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== 'app') return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0')) return null;
  const root = resolve(rendererDir);
  const file = resolve(root, `.${pathname === '/' ? '/settings.html' : pathname}`);
  const rel = relative(root, file);
  if (rel === '' || rel.startsWith('..') || rel.split(sep).includes('..') || isAbsolute(rel))
    return null;
  return file;
}
