import type { StreamPage } from './page-streams';

/** The frame an IPC message came from, as read from `event.senderFrame` before any await. */
export interface IpcSender {
  /** The frame's URL; undefined when the frame is gone (senderFrame can be null). */
  url: string | undefined;
  /** Subframes are never trusted: the app's pages have none of their own. */
  isMainFrame: boolean;
  /** The page the frame belongs to, which a subscription sends its stream to. */
  page?: StreamPage;
}

/**
 * Trusts only the app's own pages: the main frame of a page whose origin is one of `origins`
 * (the custom app protocol in production, the dev server in development, the e2e server in tests).
 */
export function createSenderPolicy(origins: readonly string[]): (sender: IpcSender) => boolean {
  const allowed = new Set(origins.map(originOf).filter((o): o is string => o !== null));
  return (sender) => {
    if (!sender.isMainFrame || !sender.url) return false;
    const origin = originOf(sender.url);
    return origin !== null && allowed.has(origin);
  };
}

/**
 * scheme://host[:port], or null for what has no host (file:, data:, about:) and so can never be
 * told apart from any other page. WHATWG URL gives custom schemes such as the app's own an opaque
 * "null" origin, although Electron treats a registered standard scheme as a real origin.
 */
function originOf(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  return parsed.host ? `${parsed.protocol}//${parsed.host}` : null;
}
