import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { AppStatus } from '../../../shared/app-status';
import { normaliseInstanceUrl } from '../../../shared/instance-url';
import { BAN_HELP } from '../../../shared/connection-words';
import { isPinnableCertificateFailure, type ProbeResult } from '../../../shared/probe';
import { normaliseTokenInput } from '../../../shared/token-input';
import { bridge } from '../../bridge';
import { StatusLine } from '../../components/StatusLine';
import { ConfirmStep } from '../../components/controls/ConfirmStep';
import { useNow } from '../../hooks/useNow';
import { useSettings } from '../../hooks/useSettings';
import { runDetached } from '../../detached';

type Test =
  { state: 'idle' } | { state: 'testing' } | { state: 'done'; result: ProbeResult; key: string };

export function ConnectionPage({ status }: { status: AppStatus }) {
  const ids = { url: useId(), port: useId(), token: useId(), urlHint: useId(), tokenHint: useId() };
  const now = useNow();
  const [url, setUrl] = useState(status.instance?.origin ?? '');
  const [port, setPort] = useState('');
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
  const focusMessage = useRef(false);
  const hadMessage = useRef(false);
  const [confirmWeak, setConfirmWeak] = useState(false);
  const storage = useRef<HTMLDivElement>(null);
  const trust = useSettings()?.trust;

  const urlCheck = url.trim() === '' ? null : normaliseInstanceUrl(url, port);
  const tokenCheck = token.trim() === '' ? null : normaliseTokenInput(token);
  const hasSavedToken = status.token.present && status.token.state === 'ready';
  const key = JSON.stringify([url, port, token]);
  const canTest =
    urlCheck?.ok === true && (tokenCheck?.ok === true || (tokenCheck === null && hasSavedToken));
  const passed = test.state === 'done' && test.result.ok && test.key === key;
  const { connection } = status;
  const say = (kind: 'ok' | 'error', text: string, about = key) =>
    setMessage({ kind, text, key: about });
  const shown = message !== null && message.key === key ? message : null;

  // "Saved. HA Tray is connecting…" is done once it is connected: the status line says so.
  const [lastState, setLastState] = useState(connection.state);
  if (lastState !== connection.state) {
    setLastState(connection.state);
    if (connection.state === 'connected' && message?.kind === 'ok') setMessage(null);
  }
  useEffect(() => {
    // After Save the button is disabled: focus goes to what Save said, and from there (once it
    // is gone) to the page heading, never to the page body.
    if (focusMessage.current && messageBox.current) {
      focusMessage.current = false;
      messageBox.current.focus();
    } else if (!shown && hadMessage.current && document.activeElement === document.body) {
      heading.current?.focus();
    }
    hadMessage.current = shown !== null;
  }, [shown]);

  async function runTest(event: FormEvent) {
    event.preventDefault();
    if (!canTest) return;
    setMessage(null);
    setTest({ state: 'testing' });
    const reply = await bridge().testConnection({
      url,
      port: port || undefined,
      token: token || undefined,
    });
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
    const reply = await bridge().saveConnection({
      url,
      port: port || undefined,
      token: token || undefined,
    });
    setSaving(false);
    focusMessage.current = true;
    if (reply.ok) {
      setToken('');
      setTest({ state: 'idle' });
      say('ok', 'Saved. HA Tray is connecting to Home Assistant.', JSON.stringify([url, port, '']));
    } else {
      say('error', reply.error.message);
    }
  }

  /** Main asks again in a native dialog; then the same values are tested once more. */
  async function allowPlainHttp(event: FormEvent) {
    const reply = await bridge().allowPlainHttp({ url, port: port || undefined });
    if (!reply.ok) say('error', reply.error.message);
    else if (reply.value) await runTest(event);
  }

  /** Main shows the certificate's fingerprint in a native dialog; then the values are tested again. */
  async function trustCertificate(event: FormEvent) {
    const reply = await bridge().trustCertificate({ url, port: port || undefined });
    if (!reply.ok) say('error', reply.error.message);
    else if (reply.value) await runTest(event);
  }

  /** The button that asked goes away once the token is stored: focus goes to what is said instead. */
  async function allowWeak() {
    setConfirmWeak(false);
    const reply = await bridge().allowWeakStorage(true);
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
      <StatusLine status={connection} now={now} />
      {connection.state === 'banned' && <p className="notice error">{BAN_HELP}</p>}
      {status.settingsNotice && <p className="notice warn">{status.settingsNotice}</p>}

      <form onSubmit={(e) => runDetached(runTest(e), 'Testing the connection')} noValidate>
        <div className="field-row">
          <div className="field grow">
            <label htmlFor={ids.url}>Home Assistant address</label>
            <input
              id={ids.url}
              type="url"
              inputMode="url"
              autoComplete="url"
              spellCheck={false}
              placeholder="http://homeassistant.local:8123"
              value={url}
              onChange={(e) => setUrl(e.target.value)}
              aria-invalid={urlCheck?.ok === false}
              aria-describedby={ids.urlHint}
            />
            <span id={ids.urlHint} className={urlCheck?.ok === false ? 'error' : 'hint'}>
              {urlCheck?.ok === false
                ? urlCheck.error
                : urlCheck?.ok
                  ? `HA Tray will connect to ${urlCheck.value.origin}`
                  : 'Your Home Assistant on the network (192.168.1.10:8123, homeassistant.local:8123) or through Nabu Casa (https://xxxx.ui.nabu.casa).'}
            </span>
          </div>
          <div className="field port">
            <label htmlFor={ids.port}>Port (optional)</label>
            <input
              id={ids.port}
              inputMode="numeric"
              placeholder="8123"
              value={port}
              onChange={(e) => setPort(e.target.value)}
            />
          </div>
        </div>

        <div className="field">
          <label htmlFor={ids.token}>Long-lived access token</label>
          <input
            id={ids.token}
            type="password"
            autoComplete="off"
            spellCheck={false}
            placeholder={
              hasSavedToken ? 'Saved – paste a new token to replace it' : 'Paste the token here'
            }
            value={token}
            onChange={(e) => setToken(e.target.value)}
            aria-invalid={tokenCheck?.ok === false}
            aria-describedby={ids.tokenHint}
          />
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
            onClick={() =>
              runDetached(
                bridge().openTokenPage({ url, port: port || undefined }),
                'Opening the token page',
              )
            }
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
        {test.state === 'done' && test.key === key && <TestResult result={test.result} />}
        {test.state === 'done' &&
          test.key === key &&
          !test.result.ok &&
          isPinnableCertificateFailure(test.result.reason) && (
            <button
              type="button"
              className="button"
              onClick={(e) => runDetached(trustCertificate(e), 'Trusting the certificate')}
            >
              Compare and trust this certificate…
            </button>
          )}
        {test.state === 'done' &&
          test.key === key &&
          !test.result.ok &&
          test.result.reason === 'insecure_http' && (
            <button
              type="button"
              className="button danger"
              onClick={(e) => runDetached(allowPlainHttp(e), 'Allowing plain http')}
            >
              Send my token unencrypted to this address…
            </button>
          )}
        {shown && (
          <p className={`notice ${shown.kind}`} ref={messageBox} tabIndex={-1}>
            {shown.text}
          </p>
        )}
      </div>

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
    </section>
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
