/**
 * What a browser does with Home Assistant's sign-in page, without a browser: for tests of the
 * app's "Sign in with Home Assistant" against the simulator or a real Home Assistant (the HTTP API
 * is the same). Given the authorize URL the app opened, it runs the login flow with a username and
 * password as Home Assistant's login page does, then requests the redirect as the page's
 * `document.location.assign` would, and hands back what the app's loopback listener answered.
 * Each request goes on a connection of its own (`test/support/fresh-http.ts`), so a restart in
 * between does not trip it up.
 */

import { freshRequest } from './fresh-http';

/** What the app put in the authorize URL. */
export interface AuthorizeRequest {
  /** Home Assistant's origin, e.g. `http://127.0.0.1:8123`. */
  origin: string;
  clientId: string;
  redirectUri: string;
  /** Null when the URL carries none. */
  state: string | null;
}

/** Reads `/auth/authorize?response_type=code&client_id=..&redirect_uri=..&state=..`. */
export function parseAuthorizeUrl(authorizeUrl: string): AuthorizeRequest {
  const url = new URL(authorizeUrl);
  if (url.pathname !== '/auth/authorize')
    throw new Error(`Not a Home Assistant authorize URL (path ${url.pathname}): ${authorizeUrl}`);
  const clientId = url.searchParams.get('client_id');
  const redirectUri = url.searchParams.get('redirect_uri');
  if (!clientId || !redirectUri)
    throw new Error(`The authorize URL lacks client_id or redirect_uri: ${authorizeUrl}`);
  return { origin: url.origin, clientId, redirectUri, state: url.searchParams.get('state') };
}

/** Home Assistant refused the sign-in: its status and answer, as the login page would show them. */
export class LoginRefused extends Error {
  constructor(
    readonly status: number,
    readonly answer: unknown,
  ) {
    super(`Home Assistant refused the login: HTTP ${status} ${JSON.stringify(answer)}`);
  }
}

async function postJson(url: string, body: unknown): Promise<{ status: number; answer: unknown }> {
  // The login page posts its JSON without a Content-Type; Home Assistant reads it all the same.
  const { status, text } = await freshRequest(url, { method: 'POST', body: JSON.stringify(body) });
  let answer: unknown = text;
  try {
    answer = JSON.parse(text);
  } catch {
    // aiohttp's plain-text errors stay text
  }
  return { status, answer };
}

/**
 * The login page's part: `GET /auth/providers`, `POST /auth/login_flow` with the first provider,
 * then the password step. Resolves with the authorisation code; throws LoginRefused when Home
 * Assistant answers anything but `create_entry` (a wrong password comes back as the form with
 * `errors.base: invalid_auth`, an inactive user as 403 "Login blocked: ...").
 */
export async function runLoginFlow(
  request: Omit<AuthorizeRequest, 'state'>,
  login: { username: string; password: string },
): Promise<string> {
  const providers = JSON.parse((await freshRequest(`${request.origin}/auth/providers`)).text) as
    | Array<{ type: string; id: string | null }>
    | { providers: Array<{ type: string; id: string | null }> };
  const provider = (Array.isArray(providers) ? providers : providers.providers)[0];
  if (!provider) throw new Error('Home Assistant offers no auth provider');
  const started = await postJson(`${request.origin}/auth/login_flow`, {
    client_id: request.clientId,
    handler: [provider.type, provider.id],
    redirect_uri: request.redirectUri,
  });
  const form = started.answer as { flow_id?: string };
  if (started.status !== 200 || typeof form.flow_id !== 'string')
    throw new LoginRefused(started.status, started.answer);
  const step = await postJson(`${request.origin}/auth/login_flow/${form.flow_id}`, {
    username: login.username,
    password: login.password,
    client_id: request.clientId,
  });
  const entry = step.answer as { type?: string; result?: unknown };
  if (step.status !== 200 || entry.type !== 'create_entry' || typeof entry.result !== 'string')
    throw new LoginRefused(step.status, step.answer);
  return entry.result;
}

/** How the redirect reaches the app: as Home Assistant's page sends it, or one of the failures. */
export type Delivery =
  /** `redirect_uri?code=..&state=..`, the state exactly as the app sent it. */
  | 'code'
  /** The code with a state the app never issued. */
  | 'wrong-state'
  /** The code and no state at all. */
  | 'no-state'
  /** `redirect_uri?error=access_denied&state=..`, no login run (OAuth's "the user said no"). */
  | 'access-denied'
  /** Log in but never load the redirect (the browser closed on the way). */
  | 'nothing';

export interface BrowserLoginOptions {
  username: string;
  password: string;
  /** Default 'code'. */
  deliver?: Delivery;
  /** Deliver this code instead of logging in: a code used before, or one never issued. */
  code?: string;
  /** Load the redirect a second time (a replayed callback); its answer is `replayed`. */
  twice?: boolean;
}

/** What the app's listener answered to the redirect, or why nothing could be loaded. */
export type CallbackAnswer =
  | { url: string; status: number; contentType: string | null; body: string }
  | { url: string; error: string };

export interface BrowserLoginResult {
  /** The code Home Assistant issued (or the one given), null when none was asked for. */
  code: string | null;
  /** The listener's answer; null with `deliver: 'nothing'`. */
  callback: CallbackAnswer | null;
  /** With `twice`: the answer to the second load of the same redirect. */
  replayed?: CallbackAnswer;
}

/** `redirect_uri` + `?` or `&` + the query, as Home Assistant's login page joins them. */
export function redirectWith(redirectUri: string, query: Array<[string, string]>): string {
  let url = redirectUri;
  if (!url.includes('?')) url += '?';
  else if (!url.endsWith('&')) url += '&';
  return url + query.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');
}

async function load(url: string): Promise<CallbackAnswer> {
  try {
    const { status, headers, text } = await freshRequest(url);
    return { url, status, contentType: headers.get('content-type'), body: text };
  } catch (err) {
    return { url, error: (err as { code?: string }).code ?? String(err) };
  }
}

/**
 * Does what the user's browser does with the authorize URL the app opened: logs in with `username`
 * and `password` and loads `redirect_uri?code=..&state=..` (or the failure `deliver` names).
 */
export async function signInAsBrowser(
  authorizeUrl: string,
  options: BrowserLoginOptions,
): Promise<BrowserLoginResult> {
  const request = parseAuthorizeUrl(authorizeUrl);
  const deliver = options.deliver ?? 'code';
  const state = request.state ?? '';
  let code: string | null = null;
  let query: Array<[string, string]>;
  if (deliver === 'access-denied') {
    query = [['error', 'access_denied']];
    if (request.state) query.push(['state', state]);
  } else {
    code = options.code ?? (await runLoginFlow(request, options));
    query = [['code', code]];
    if (deliver === 'wrong-state') query.push(['state', `${state}-not-ours`]);
    // The page appends a state only when there is one (`if (state)`), as given.
    else if (deliver === 'code' && request.state) query.push(['state', state]);
  }
  if (deliver === 'nothing') return { code, callback: null };
  const url = redirectWith(request.redirectUri, query);
  const callback = await load(url);
  return options.twice ? { code, callback, replayed: await load(url) } : { code, callback };
}
