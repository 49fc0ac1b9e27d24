import {
  useEffect,
  useEffectEvent,
  useLayoutEffect,
  useId,
  useRef,
  useState,
  type FormEvent,
  type ReactNode,
} from 'react';
import type { AppStatus } from '../../../shared/app-status';
import { BAN_HELP } from '../../../shared/connection-words';
import { normaliseInstanceUrl } from '../../../shared/instance-url';
import { isPinnableCertificateFailure, type ProbeResult } from '../../../shared/probe';
import { instanceEntry } from '../../../shared/settings';
import { settingsHash } from '../../../shared/settings-route';
import { normaliseTokenInput } from '../../../shared/token-input';
import { bridge } from '../../bridge';
import { ConfirmStep } from '../../components/controls/ConfirmStep';
import { StatusLine } from '../../components/StatusLine';
import { runDetached } from '../../detached';
import { useNow } from '../../hooks/useNow';
import { useSettings } from '../../hooks/useSettings';
import { useSignIn } from '../../hooks/useSignIn';
import { fieldAtFault } from './field-at-fault';
import { NetworkInstances } from './NetworkInstances';
import { SignInProgress } from './SignInProgress';

type Test =
  { state: 'idle' } | { state: 'testing' } | { state: 'done'; result: ProbeResult; key: string };

/**
 * The Connection page: the Home Assistants that answer on this network, each one click from the
 * browser sign-in; the typed address with "Sign in with Home Assistant"; and the pasted token (on
 * a first run behind "Use a token instead") with its test, trust questions and storage.
 */
export function ConnectionPage({
  status,
  onFirstConnection,
  instances,
  several = false,
}: {
  /** The status of the instance this page sets up (`status.key`). */
  status: AppStatus;
  /** A first run's sign-in succeeded: the window leads on to choosing favourites. */
  onFirstConnection?: () => void;
  /**
   * The list of Home Assistants: above the page where there are several, below it where there
   * is one (set up: a first run is about signing in).
   */
  instances?: ReactNode;
  /** More than one Home Assistant: the list leads, and the page names the one it sets up. */
  several?: boolean;
}) {
  const { key: instance } = status;
  const ids = {
    url: useId(),
    token: useId(),
    urlHint: useId(),
    tokenHint: useId(),
    failure: useId(),
    tokenPart: useId(),
  };
  const now = useNow();
  const [url, setUrl] = useState(status.instance?.origin ?? '');
  const [token, setToken] = useState('');
  const [test, setTest] = useState<Test>({ state: 'idle' });
  const [saving, setSaving] = useState(false);
  /** The outcome of the last action, for the values it was about (`key`): a change hides it. */
  const [message, setMessage] = useState<{
    kind: 'ok' | 'error';
    text: string;
    key: string;
  } | null>(null);
  const messageBox = useRef<HTMLParagraphElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const urlField = useRef<HTMLInputElement>(null);
  const tokenField = useRef<HTMLInputElement>(null);
  const nextStep = useRef<HTMLAnchorElement>(null);
  const signInButton = useRef<HTMLButtonElement>(null);
  const focusMessage = useRef(false);
  const hadMessage = useRef(false);
  const [confirmWeak, setConfirmWeak] = useState(false);
  const storage = useRef<HTMLDivElement>(null);
  const settings = useSettings();
  const trust = settings?.trust;

  const urlCheck = url.trim() === '' ? null : normaliseInstanceUrl(url);
  const tokenCheck = token.trim() === '' ? null : normaliseTokenInput(token);
  const hasSavedToken = status.token.present && status.token.state === 'ready';
  const key = JSON.stringify([url, token]);
  const canTest =
    urlCheck?.ok === true && (tokenCheck?.ok === true || (tokenCheck === null && hasSavedToken));
  const passed = test.state === 'done' && test.result.ok && test.key === key;
  const failure = test.state === 'done' && test.key === key && !test.result.ok ? test.result : null;
  // A failure about a field is said at that field, which is marked invalid and takes focus.
  const fault = failure ? fieldAtFault(failure.reason) : null;
  const { connection } = status;
  // Once connected with nothing chosen yet, the panel is empty: the page leads on to Favourites.
  const offerFavourites =
    connection.state === 'connected' &&
    settings !== null &&
    (instanceEntry(settings, instance)?.favourites.length ?? 0) === 0;
  const say = (kind: 'ok' | 'error', text: string, about = key) =>
    setMessage({ kind, text, key: about });
  const shown = message !== null && message.key === key ? message : null;

  // "Saved. HA Tray is connecting…" is done once it is connected: the status line says so.
  const [lastState, setLastState] = useState(connection.state);
  if (lastState !== connection.state) {
    setLastState(connection.state);
    if (connection.state === 'connected' && message?.kind === 'ok') setMessage(null);
  }
  // Save's answer and the status event travel separately: when the connection Save made is
  // already up as the answer arrives, there is nothing left to wait for. `since` tells that
  // connection from one made before Save; the ref reads the latest status, not a stale closure.
  const connectedSince = useRef<number | null>(null);
  const since = connection.state === 'connected' ? connection.since : null;
  // A layout effect, in the same task as the render: a plain effect runs after the paint, and
  // Save's answer could arrive in between, see no connection yet and say "connecting" about one
  // that is already up, a message nothing would clear (the state never changes again).
  useLayoutEffect(() => {
    connectedSince.current = since;
  }, [since]);
  const [savedConnected, setSavedConnected] = useState(false);
  useEffect(() => {
    // After Save the button is disabled: focus goes to what Save said, and from there (once it
    // is gone) on to the favourites or to the page heading, never to the page body.
    if (focusMessage.current && messageBox.current) {
      focusMessage.current = false;
      messageBox.current.focus();
    } else if (
      !shown &&
      (savedConnected || (hadMessage.current && document.activeElement === document.body))
    ) {
      setSavedConnected(false);
      (nextStep.current ?? heading.current)?.focus();
    }
    hadMessage.current = shown !== null;
  }, [shown, savedConnected]);
  // Opened as the window opens (focus on the body): a first run starts typing the address; a
  // configured app starts at the heading, one Tab before the address. A click in the sidebar
  // keeps its focus there.
  const firstRun = status.instance === null;
  const [tokenOpen, setTokenOpen] = useState(false);
  const showToken = !firstRun || tokenOpen;

  const signIn = useSignIn(instance);
  // Set as a first run's sign-in starts: when it ends signed in, the window goes on to Favourites.
  const leadOn = useRef(false);
  const signedIn = useEffectEvent(() => {
    if (leadOn.current) onFirstConnection?.();
    leadOn.current = false;
  });
  const { phase } = signIn.status;
  useEffect(() => {
    if (phase === 'signed_in') signedIn();
    else if (phase === 'failed' || phase === 'idle') leadOn.current = false;
  }, [phase]);

  async function startSignIn(address: string) {
    leadOn.current = firstRun;
    await signIn.start(address);
  }

  /** Cancel goes away with the attempt: focus goes on to signing in again, or the address. */
  async function cancelSignIn() {
    const button = signInButton.current;
    (button && !button.disabled ? button : urlField.current)?.focus();
    await signIn.cancel();
  }

  /** A discovered Home Assistant: its address goes in the field, where a failure is said. */
  function pick(address: string) {
    setUrl(address);
    runDetached(startSignIn(address), 'Starting the sign-in');
  }

  useEffect(() => {
    if (document.activeElement !== document.body) return;
    (firstRun ? urlField.current : heading.current)?.focus();
    // Only as the page opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  useEffect(() => {
    if (test.state === 'done' && !test.result.ok) {
      const field = fieldAtFault(test.result.reason);
      if (field) (field === 'url' ? urlField : tokenField).current?.focus();
    }
  }, [test]);

  async function runTest(event: FormEvent) {
    event.preventDefault();
    if (!canTest) return;
    setMessage(null);
    setTest({ state: 'testing' });
    const reply = await bridge().testConnection(instance, { url, token: token || undefined });
    setTest(
      reply.ok
        ? { state: 'done', result: reply.value, key }
        : {
            state: 'done',
            result: { ok: false, reason: 'network', message: reply.error.message },
            key,
          },
    );
  }

  async function save() {
    setSaving(true);
    const asked = Date.now();
    const reply = await bridge().saveConnection(instance, { url, token: token || undefined });
    setSaving(false);
    if (reply.ok) {
      setToken('');
      setTest({ state: 'idle' });
      const upSince = connectedSince.current;
      if (upSince !== null && upSince >= asked) setSavedConnected(true);
      else {
        focusMessage.current = true;
        // Still connected from before: a new token is taken over without a disconnect.
        const text =
          upSince === null ? 'Saved. HA Tray is connecting to Home Assistant.' : 'Saved.';
        say('ok', text, JSON.stringify([url, '']));
      }
    } else {
      focusMessage.current = true;
      say('error', reply.error.message);
    }
  }

  /** Main asks again in a native dialog; then the same values are tested once more. */
  async function allowPlainHttp(event: FormEvent) {
    const reply = await bridge().allowPlainHttp(instance, { url });
    if (!reply.ok) say('error', reply.error.message);
    else if (reply.value) await runTest(event);
  }

  /** Main shows the certificate's fingerprint in a native dialog; then the values are tested again. */
  async function trustCertificate(event: FormEvent) {
    const reply = await bridge().trustCertificate(instance, { url });
    if (!reply.ok) say('error', reply.error.message);
    else if (reply.value) await runTest(event);
  }

  /** The button that asked goes away once the token is stored: focus goes to what is said instead. */
  async function allowWeak() {
    setConfirmWeak(false);
    const reply = await bridge().allowWeakStorage(instance, true);
    if (reply.ok) storage.current?.focus();
    else {
      focusMessage.current = true;
      say('error', reply.error.message);
    }
  }

  return (
    <section aria-labelledby="connection-title" className="page">
      <h1 id="connection-title" ref={heading} tabIndex={-1}>
        Connection
      </h1>
      {several && instances}
      {several && <h2>{status.name}</h2>}
      <StatusLine status={connection} now={now} />
      {connection.state === 'banned' && <p className="notice error">{BAN_HELP}</p>}
      {status.startNotice && <p className="notice error">{status.startNotice}</p>}
      {status.settingsNotice && <p className="notice warn">{status.settingsNotice}</p>}
      {status.lookalike && <p className="notice warn">{status.lookalike}</p>}

      {firstRun && (
        <NetworkInstances
          onPick={pick}
          connected={connection.state === 'connected'}
          shown={status.key}
        />
      )}

      {firstRun && <h2>Or type its address</h2>}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (urlCheck?.ok) runDetached(startSignIn(url), 'Starting the sign-in');
        }}
        noValidate
      >
        <div className="field">
          <label htmlFor={ids.url}>Home Assistant address</label>
          <input
            id={ids.url}
            ref={urlField}
            type="url"
            inputMode="url"
            autoComplete="url"
            spellCheck={false}
            placeholder="http://homeassistant.local:8123"
            value={url}
            onChange={(e) => setUrl(e.target.value)}
            aria-invalid={urlCheck?.ok === false || fault === 'url'}
            aria-describedby={fault === 'url' ? `${ids.failure} ${ids.urlHint}` : ids.urlHint}
          />
          {failure && fault === 'url' && (
            <FieldFailure id={ids.failure} message={failure.message}>
              {isPinnableCertificateFailure(failure.reason) && (
                <button
                  type="button"
                  className="button"
                  onClick={(e) => runDetached(trustCertificate(e), 'Trusting the certificate')}
                >
                  Compare and trust this certificate…
                </button>
              )}
              {failure.reason === 'insecure_http' && (
                <button
                  type="button"
                  className="button danger"
                  onClick={(e) => runDetached(allowPlainHttp(e), 'Allowing plain http')}
                >
                  Send my token unencrypted to this address…
                </button>
              )}
            </FieldFailure>
          )}
          <span id={ids.urlHint} className={urlCheck?.ok === false ? 'error' : 'hint'}>
            {urlCheck?.ok === false
              ? urlCheck.error
              : urlCheck?.ok
                ? `HA Tray will connect to ${urlCheck.value.origin}`
                : 'Your Home Assistant on the network (192.168.1.10:8123, homeassistant.local:8123) or through Nabu Casa (https://xxxx.ui.nabu.casa). Without a port, HA Tray uses 8123.'}
          </span>
        </div>

        <div className="actions">
          <button
            type="submit"
            className="button primary"
            ref={signInButton}
            disabled={urlCheck?.ok !== true}
          >
            Sign in with Home Assistant
          </button>
        </div>
        <p className="hint sign-in-hint">
          Opens Home Assistant’s login page in your browser. HA Tray then makes a long-lived access
          token named for this computer, which you can see and revoke in your Home Assistant profile
          {firstRun ? '.' : ', and revokes the token it replaces once the new one works.'}
        </p>
      </form>
      <SignInProgress
        status={signIn.status}
        refusal={signIn.refusal}
        onCancel={() => runDetached(cancelSignIn(), 'Cancelling the sign-in')}
      />

      {firstRun && (
        <button
          type="button"
          className="link-button disclosure"
          aria-expanded={tokenOpen}
          aria-controls={ids.tokenPart}
          onClick={() => setTokenOpen((open) => !open)}
        >
          Use a token instead
        </button>
      )}
      <form
        id={ids.tokenPart}
        hidden={!showToken}
        onSubmit={(e) => runDetached(runTest(e), 'Testing the connection')}
        noValidate
      >
        <div className="field">
          <label htmlFor={ids.token}>Long-lived access token</label>
          <input
            id={ids.token}
            ref={tokenField}
            type="password"
            autoComplete="off"
            spellCheck={false}
            placeholder={
              hasSavedToken ? 'Saved – paste a new token to replace it' : 'Paste the token here'
            }
            value={token}
            onChange={(e) => setToken(e.target.value)}
            aria-invalid={tokenCheck?.ok === false || fault === 'token'}
            aria-describedby={fault === 'token' ? `${ids.failure} ${ids.tokenHint}` : ids.tokenHint}
          />
          {failure && fault === 'token' && (
            <FieldFailure id={ids.failure} message={failure.message} />
          )}
          <span id={ids.tokenHint} className={tokenCheck?.ok === false ? 'error' : 'hint'}>
            {tokenCheck?.ok === false
              ? tokenCheck.error
              : (tokenCheck?.notice ??
                'Make one in Home Assistant: your profile, Security tab, “Long-lived access tokens”.')}{' '}
          </span>
          {hasSavedToken && status.instance && (
            <p className="hint">
              The saved token is only ever sent to {status.instance.origin} (or to the same address
              with https://). For any other address, paste a token made on that Home Assistant.
            </p>
          )}
          <button
            type="button"
            className="link-button"
            disabled={urlCheck?.ok !== true}
            onClick={() => runDetached(bridge().openTokenPage({ url }), 'Opening the token page')}
          >
            Create a token in Home Assistant
          </button>
        </div>

        <div className="actions">
          <button type="submit" className="button" disabled={!canTest || test.state === 'testing'}>
            {test.state === 'testing' ? 'Testing…' : 'Test connection'}
          </button>
          <button
            type="button"
            className="button primary"
            disabled={!passed || saving}
            onClick={() => runDetached(save(), 'Saving')}
          >
            {saving ? 'Saving…' : 'Save'}
          </button>
        </div>
      </form>

      <div aria-live="polite">
        {test.state === 'done' && test.key === key && fault === null && (
          <TestResult result={test.result} />
        )}
        {shown && (
          <p className={`notice ${shown.kind}`} ref={messageBox} tabIndex={-1}>
            {shown.text}
          </p>
        )}
        {offerFavourites && !shown && (
          <div className="notice ok">
            <p>Connected. Next, choose what the panel shows.</p>
            <a className="button primary" href={`#${settingsHash('favourites')}`} ref={nextStep}>
              Choose favourites
            </a>
          </div>
        )}
      </div>

      {!firstRun && (
        <NetworkInstances
          onPick={pick}
          connected={connection.state === 'connected'}
          shown={status.key}
        />
      )}

      {trust && trust.plainHttp.length > 0 && (
        <>
          <h2>Unencrypted addresses</h2>
          <p className="notice warn">
            You agreed to send your token unencrypted (http://) to: {trust.plainHttp.join(', ')}.
          </p>
        </>
      )}

      {trust && trust.certificates.length > 0 && (
        <>
          <h2>Trusted certificates</h2>
          <ul className="muted">
            {trust.certificates.map((pin) => (
              <li key={pin.origin}>
                {pin.origin}: SHA-256 <code>{pin.sha256}</code>
              </li>
            ))}
          </ul>
        </>
      )}

      <h2>Token storage</h2>
      <div ref={storage} tabIndex={-1}>
        <StorageProtection status={status} onAllowWeak={() => setConfirmWeak(true)} />
      </div>
      {confirmWeak && (
        <ConfirmStep
          variant="notice"
          question="Store the token without a keyring?"
          detail="Anyone who can read your files could then use the token to control your home. Only do this if you cannot install or unlock a keyring."
          confirmLabel="Store it anyway"
          onConfirm={() => runDetached(allowWeak(), 'Allowing the weak keyring')}
          onCancel={() => setConfirmWeak(false)}
        />
      )}
      {!several && !firstRun && instances}
    </section>
  );
}

/** Why the test failed, under the field at fault, with what the user can do about it. */
function FieldFailure({
  id,
  message,
  children,
}: {
  id: string;
  message: string;
  children?: ReactNode;
}) {
  return (
    <div className="field-failure">
      <p className="error" role="alert" id={id}>
        Could not connect. {message}
      </p>
      {children}
    </div>
  );
}

function TestResult({ result }: { result: ProbeResult }) {
  if (!result.ok) {
    return (
      <p className="notice error" role="alert">
        <span className="notice-title">Could not connect. </span>
        {result.message}
      </p>
    );
  }
  return (
    <div className="notice ok">
      <p className="notice-title">It works.</p>
      <p>
        Home Assistant {result.version} at “{result.locationName}”, signed in as {result.userName}
        {result.isAdmin ? ' (administrator)' : ''}. Save to use this connection.
      </p>
    </div>
  );
}

function StorageProtection({
  status,
  onAllowWeak,
}: {
  status: AppStatus;
  onAllowWeak: () => void;
}) {
  const { token } = status;
  if (token.state === 'weak_storage_refused') {
    return (
      <div className="notice warn">
        <p>{token.message}</p>
        <button type="button" className="button" onClick={onAllowWeak}>
          Allow weak storage…
        </button>
      </div>
    );
  }
  if (token.state === 'locked' || token.state === 'undecryptable')
    return <p className="notice warn">{token.message}</p>;
  if (!token.present)
    return <p className="muted">The token will be encrypted with {token.protection}.</p>;
  return (
    <p className={token.weakProtection ? 'notice warn' : 'muted'}>
      Encrypted with {token.protection}
      {token.weakProtection ? ': anyone who can read your files can use it.' : '.'}
    </p>
  );
}
