import { describe, expect, it } from 'vitest';
import { pageCsp, securePage } from '../../../src/main/windows/page-csp';

const BUILT = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <script type="module" crossorigin src="./assets/panel.js"></script>
    <link rel="stylesheet" crossorigin href="./assets/panel.css">
  </head>
  <body><div id="root"></div></body>
</html>`;

describe('the pages’ Content-Security-Policy', () => {
  it('allows only the app’s own scripts and styles, and inline styles with the nonce alone', () => {
    expect(pageCsp('abc')).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self' 'nonce-abc'; img-src 'self' data:; " +
        "font-src 'self'; connect-src 'none'; base-uri 'none'; form-action 'none'",
    );
    expect(pageCsp('abc')).not.toMatch(/unsafe-|\*|https?:/);
  });

  it('writes a new nonce into every page served, in the header and before any script or style', () => {
    const first = securePage(BUILT);
    const second = securePage(BUILT);
    const nonce = (page: { csp: string }) => page.csp.match(/'nonce-([^']+)'/)![1]!;
    expect(nonce(first)).not.toBe(nonce(second));
    expect(nonce(first)).toMatch(/^[A-Za-z0-9+/]{22}==$/);

    const head = first.html.slice(first.html.indexOf('<head>'), first.html.indexOf('<script'));
    expect(head).toContain(`<meta http-equiv="Content-Security-Policy" content="${first.csp}" />`);
    // react-aria reads the nonce for the <style> elements it injects from this meta.
    expect(head).toContain(`<meta name="csp-nonce" nonce="${nonce(first)}" />`);
    // Nothing else changes.
    expect(
      first.html.replace(
        /<meta (http-equiv="Content-Security-Policy"|name="csp-nonce")[^>]*>/g,
        '',
      ),
    ).toBe(BUILT);
  });

  it('refuses to serve a page it cannot protect', () => {
    expect(() => securePage('<html><body>no head</body></html>')).toThrow(/without <head>/);
  });
});
