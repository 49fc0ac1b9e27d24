/**
 * The URL of a page of the configured Home Assistant, or null when `path` would lead anywhere
 * else. Page code asks main to open "/profile/security" or "/history?entity_id=…"; main only ever
 * opens URLs on the configured origin, so a compromised page cannot send the user to a phishing
 * site through the app.
 */
export function haPageUrl(origin: string, path: string): string | null {
  if (
    typeof path !== 'string' ||
    !path.startsWith('/') ||
    path.startsWith('//') ||
    path.includes('\\')
  ) {
    return null;
  }
  let base: URL;
  try {
    base = new URL(origin);
  } catch {
    return null;
  }
  if (base.protocol !== 'http:' && base.protocol !== 'https:') return null;
  const url = new URL(path, base);
  return url.origin === base.origin ? url.href : null;
}

/** The Home Assistant page for an entity's history: where a notification's or a tray item's click leads. */
export function entityHistoryPath(entityId: string): string {
  return `/history?entity_id=${encodeURIComponent(entityId)}`;
}
