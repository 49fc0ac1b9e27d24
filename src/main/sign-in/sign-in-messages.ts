import { BAN_HELP } from '../../shared/connection-words';

/** What the Connection page says of a browser sign-in: every way it ends has its sentence. */
export const SIGN_IN_MESSAGES = {
  busy: 'HA Tray is finishing a sign-in. Wait a moment, then try again.',
  noListener: 'HA Tray could not get ready for the browser to come back. Nothing was changed.',
  noBrowser:
    'HA Tray could not open your browser. Nothing was changed; use a token instead, or try again.',
  cancelled: 'Sign-in cancelled. Nothing was kept.',
  timedOut:
    'The browser did not come back within 5 minutes, so HA Tray stopped waiting. Nothing was kept; sign in again when you are ready.',
  wrongState:
    'The browser came back with a sign-in HA Tray did not start, so HA Tray did not use it. Nothing was kept; sign in again.',
  refused: 'Home Assistant did not allow the sign-in. Nothing was kept.',
  notRecorded: 'HA Tray could not write its sign-in record to disk. Nothing was kept.',
  codeRefused:
    'Home Assistant did not accept the sign-in (it may have restarted, or the link was used already). Nothing was kept; sign in again.',
  banned: BAN_HELP,
  userDenied:
    'Home Assistant did not let this user sign in: the user may be inactive, or allowed to log in only from the local network. Nothing was kept.',
  lostDuringExchange:
    'HA Tray lost Home Assistant while finishing the sign-in. Nothing was kept; HA Tray removes anything left over once it reaches Home Assistant again.',
  notMade:
    'Home Assistant did not make the token for HA Tray (it may have restarted). Nothing was kept; sign in again.',
  notAccepted: 'Home Assistant did not accept the token it made for HA Tray. Nothing was kept.',
  earlierNotCleaned:
    'HA Tray is still removing what an earlier sign-in left in Home Assistant, and cannot reach it right now. Try again when Home Assistant is reachable.',
  cleanupLater:
    'HA Tray will remove what Home Assistant kept of this sign-in as soon as it can reach it.',
  leftover: (name: string) =>
    `An interrupted sign-in may have left the token "${name}" in Home Assistant. Delete it in your Home Assistant profile under Security.`,
} as const;

export const signedIn = (name: string) =>
  `Signed in. HA Tray made the token "${name}": you can see and revoke it in your Home Assistant profile under Security.`;
