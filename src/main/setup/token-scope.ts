/**
 * Whether the saved token may be sent to `target` when the page sends no token of its own. A
 * token belongs to the origin it was saved with: the same host and port, or the same host and port
 * moving from http:// to https:// (the user turned on TLS). Anything else - another host, another
 * port, https back to http - needs the token typed for it, so a typo or a compromised page cannot
 * send the saved token to a stranger.
 */
export function savedTokenMayGoTo(savedOrigin: string | null | undefined, target: string): boolean {
  if (!savedOrigin) return false;
  const saved = parse(savedOrigin);
  const next = parse(target);
  if (!saved || !next) return false;
  if (saved.hostname !== next.hostname || portOf(saved) !== portOf(next)) return false;
  return (
    saved.protocol === next.protocol || (saved.protocol === 'http:' && next.protocol === 'https:')
  );
}

function parse(origin: string): URL | null {
  try {
    const url = new URL(origin);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

function portOf(url: URL): string {
  return url.port || (url.protocol === 'https:' ? '443' : '80');
}
