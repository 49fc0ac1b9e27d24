/**
 * Browser sign-in, as pages see it. Main opens the system browser on the Home Assistant's own
 * login page and waits for its redirect on a loopback listener; it ends with a long-lived token
 * named for this computer in the vault. No token or code ever reaches a page.
 *
 * - `idle`: nothing running; `message` is the last attempt's outcome, if any.
 * - `waiting`: the browser is open on `origin`'s login page; `cancelSignIn` ends it.
 * - `finishing`: the browser came back; main is making and checking the long-lived token.
 * - `signed_in`: done; `message` names the new token.
 * - `failed`: nothing was kept (no token in Home Assistant or on disk); `message` says why.
 */
export type SignInPhase = 'idle' | 'waiting' | 'finishing' | 'signed_in' | 'failed';

export interface SignInStatus {
  phase: SignInPhase;
  /** The Home Assistant being signed in to, while an attempt runs or just ended. */
  origin: string | null;
  message: string | null;
}

export const SIGN_IN_IDLE: SignInStatus = { phase: 'idle', origin: null, message: null };
