import { pathToFileURL } from 'node:url';
import { net, protocol } from 'electron';
import { APP_SCHEME, resolveAppAsset } from '../../windows/app-protocol';
import { securePage } from '../../windows/page-csp';

/** Must run before `app` is ready: the scheme needs standard-URL semantics to have an origin. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serves the built renderer folder, and nothing else, under ha-tray://app/; pages with their CSP. */
export function serveAppPages(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppAsset(rendererDir, request.url);
    if (!file) return new Response('Not found', { status: 404 });
    const response = await net.fetch(pathToFileURL(file).toString());
    if (!response.ok || !file.endsWith('.html')) return response;
    const page = securePage(await response.text());
    return new Response(page.html, {
      headers: { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': page.csp },
    });
  });
}
