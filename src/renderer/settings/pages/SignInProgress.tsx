import type { SignInStatus } from '../../../shared/sign-in';

interface Props {
  status: SignInStatus;
  /** Why main would not start or cancel the sign-in. */
  refusal: string | null;
  onCancel: () => void;
}

/**
 * Where the browser sign-in stands, in a polite live region: what to do in the browser (with
 * Cancel) while main waits for it, a busy line while main makes the token, then how it ended.
 * A failure is an alert: nothing was kept, and the page stays usable to try again.
 */
export function SignInProgress({ status, refusal, onCancel }: Props) {
  return (
    <div className="sign-in-progress" aria-live="polite">
      {refusal && (
        <p className="notice error" role="alert">
          {refusal}
        </p>
      )}
      <Phase status={status} onCancel={onCancel} />
    </div>
  );
}

function Phase({ status, onCancel }: { status: SignInStatus; onCancel: () => void }) {
  const { phase, origin, message } = status;
  switch (phase) {
    case 'waiting':
      return (
        <div className="notice">
          <p className="notice-title">Finish signing in in your browser</p>
          <p>
            HA Tray opened the login page of {origin ?? 'Home Assistant'} in your browser. Log in
            there; HA Tray continues by itself.
          </p>
          {message && <p>{message}</p>}
          <button type="button" className="button" onClick={onCancel}>
            Cancel sign-in
          </button>
        </div>
      );
    case 'finishing':
      return (
        <p className="notice busy">
          Signing in to {origin ?? 'Home Assistant'}: making a token for this computer…
        </p>
      );
    case 'signed_in':
      return (
        <div className="notice ok">
          <p className="notice-title">Signed in{origin ? ` to ${origin}` : ''}.</p>
          {message && <p>{message}</p>}
        </div>
      );
    case 'failed':
      return (
        <div className="notice error" role="alert">
          <p className="notice-title">Could not sign in.</p>
          {message && <p>{message}</p>}
        </div>
      );
    case 'idle':
      return message ? <p className="notice">{message}</p> : null;
  }
}
