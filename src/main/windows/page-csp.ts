import { randomBytes } from 'node:crypto';

/**
 * The pages' Content-Security-Policy for one load. Styles need a nonce: react-aria injects a
 * `<style>` element of its own (touch-action on pressable elements, overscroll while a modal is
 * open) and takes the nonce from `<meta name="csp-nonce">` (react-aria's getNonce). The nonce is
 * new for every page served, so a stylesheet an attacker injects cannot carry it.
 */
export function pageCsp(nonce: string): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** What a served page is: its HTML with the policy and nonce written in, and the policy header. */
export interface SecuredPage {
  html: string;
  csp: string;
}

/**
 * Writes a fresh nonce into a built page, first in its `<head>`: the policy as a `<meta>` as well
 * as the header (the boot suite's fake Electron cannot show that Electron hands a custom scheme's
 * response headers to Chromium; the same policy in the page holds either way), and the nonce
 * where react-aria looks for it.
 */
export function securePage(html: string, nonce = randomBytes(16).toString('base64')): SecuredPage {
  const csp = pageCsp(nonce);
  const head = html.match(/<head[^>]*>/i);
  if (!head || head.index === undefined) throw new Error('A page without <head> cannot be served.');
  const at = head.index + head[0].length;
  const meta =
    `<meta http-equiv="Content-Security-Policy" content="${csp}" />` +
    `<meta name="csp-nonce" nonce="${nonce}" />`;
  return { html: html.slice(0, at) + meta + html.slice(at), csp };
}
