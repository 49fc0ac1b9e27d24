import { useEffect, useId, useRef, useState, type ReactNode, type RefObject } from 'react';
import type { InstanceEntry } from '../../../shared/settings';
import { settingsHash } from '../../../shared/settings-route';
import {
  ROTATION_INTERVALS,
  type AuditView,
  type ManualRotationResult,
  type RotationStatus,
  type TokenFactsView,
  type TokenStatus,
} from '../../../shared/token-status';
import { bridge } from '../../bridge';
import { ConfirmStep } from '../../components/controls/ConfirmStep';
import { LoadFailure } from '../../components/LoadFailure';
import { runDetached } from '../../detached';
import { useAppStatus } from '../../hooks/useAppStatus';

const day = (ms: number | null) =>
  ms === null ? 'unknown' : new Date(ms).toLocaleDateString(undefined, { dateStyle: 'medium' });

const STEP_WORDS: Record<string, string> = {
  creating: 'Creating a new token in Home Assistant…',
  storing: 'Storing it encrypted…',
  verifying: 'Checking that it works…',
  switching: 'Switching the connection over…',
  revoking: 'Revoking the old token…',
  rolling_back: 'Undoing the rotation…',
};

const ROTATION_EXPLAINED =
  'HA Tray creates a new token in Home Assistant, checks it, switches to it without disconnecting and revokes the old one. The new token is never shown.';

/** How the last rotation went; `outcome` takes focus when a finished rotation was asked here. */
function RotationMessage({
  rotation,
  onRetry,
  outcome,
}: {
  rotation: RotationStatus;
  onRetry: () => void;
  outcome: RefObject<HTMLDivElement | null>;
}) {
  switch (rotation.phase) {
    case 'idle':
      return null;
    case 'running':
      return (
        <p className="notice" role="status">
          {STEP_WORDS[rotation.step]}
        </p>
      );
    case 'rotated':
      return (
        <div className="notice ok" role="status" ref={outcome} tabIndex={-1}>
          <p>Rotated. HA Tray now uses “{rotation.tokenName}”, and the old token is revoked.</p>
        </div>
      );
    case 'revoke_failed':
    case 'incomplete':
      return (
        <div className="notice warn" role="alert" ref={outcome} tabIndex={-1}>
          <p>{rotation.message}</p>
          <button type="button" className="button" onClick={onRetry}>
            Retry
          </button>
        </div>
      );
    default:
      return (
        <div className="notice error" role="alert" ref={outcome} tabIndex={-1}>
          <p>{rotation.message}</p>
        </div>
      );
  }
}

/**
 * Home Assistant's own deletion date (`expire_at`, 2024.2 on), shown only when it says one. For a
 * long-lived token it is there only if the user switched expiry on in their profile.
 */
function HaExpiry({ facts }: { facts: TokenFactsView }) {
  if (facts.haExpireAt === null) return null;
  const sooner = facts.expiresAt === null || facts.haExpireAt < facts.expiresAt;
  return (
    <>
      <dt>Deleted by Home Assistant</dt>
      <dd>
        {day(facts.haExpireAt)}
        {sooner && (
          <p className="hint">
            Expiry is switched on for this token in your Home Assistant profile. Home Assistant
            deletes such a token 90 days after it was last used, and it never records the use of a
            long-lived token, so this one goes 90 days after it was created, whatever its own expiry
            date says. Rotate it before then, or switch expiry off for it in Home Assistant.
          </p>
        )}
      </dd>
    </>
  );
}

/** Age, expiry and rotation of the token, a manual replacement, and the audit of the user's tokens. */
export function TokenPage({
  instance,
  token,
  switcher,
}: {
  /** The instance whose token this is, with its own reminder setting. */
  instance: InstanceEntry;
  token: TokenStatus;
  /** The choice of instance, where there are several. */
  switcher?: ReactNode;
}) {
  const { key } = instance;
  const ids = { interval: useId(), paste: useId(), pasteError: useId() };
  const [rotating, setRotating] = useState(false);
  const [pasted, setPasted] = useState('');
  const [manual, setManual] = useState<ManualRotationResult | null>(null);
  const [revokeOldMessage, setRevokeOldMessage] = useState<string | null>(null);
  /** Counts the old tokens revoked here: each changes the token list. */
  const [oldRevoked, setOldRevoked] = useState(0);
  const replaced = useRef<HTMLDivElement>(null);
  const rotationOutcome = useRef<HTMLDivElement>(null);
  const focusRotationOutcome = useRef(false);
  const { facts, reminder, rotation } = token;
  const status = useAppStatus(key);
  // Rotating, replacing and the token list all talk to Home Assistant: without a connection the
  // page says so once, calmly, instead of offering forms that can only fail.
  const connected = status?.connection.state === 'connected';
  const pasteError = manual && (manual.kind === 'invalid' || manual.kind === 'unavailable');
  // The due reminder offers the rotation itself, where the user reads why it is due.
  const rotateInReminder = connected && reminder.headline !== null && !reminder.expired;
  // A new token in use, a finished rotation or a revoked old token changes which tokens exist.
  const listVersion = JSON.stringify([
    facts?.savedAt,
    facts?.issuedAt,
    rotation.phase === 'running' || rotation.phase === 'idle' ? null : rotation,
    oldRevoked,
  ]);
  // A replacement empties the field, which disables the button that had focus: focus goes to
  // what happened instead.
  useEffect(() => {
    if (manual?.kind === 'replaced') replaced.current?.focus();
  }, [manual]);
  // A rotation started here ends with its button gone from the due reminder (or disabled until
  // then): focus goes to what happened.
  useEffect(() => {
    if (rotation.phase === 'running' || rotation.phase === 'idle') return;
    if (focusRotationOutcome.current && rotationOutcome.current) {
      focusRotationOutcome.current = false;
      rotationOutcome.current.focus();
    }
  }, [rotation]);

  async function rotate() {
    setRotating(true);
    focusRotationOutcome.current = true;
    await bridge().rotateToken(key);
    setRotating(false);
  }

  const rotateButton = (
    <button
      type="button"
      className="button primary"
      disabled={facts === null || rotating || rotation.phase === 'running'}
      onClick={() => runDetached(rotate(), 'Rotating the token')}
    >
      {rotating ? 'Rotating…' : 'Rotate now'}
    </button>
  );
  const rotationMessage = (
    <div aria-live="polite">
      <RotationMessage
        rotation={rotation}
        onRetry={() => runDetached(rotate(), 'Rotating the token')}
        outcome={rotationOutcome}
      />
    </div>
  );

  async function replace(confirmDifferent: boolean) {
    const reply = await bridge().replaceToken(key, { token: pasted, confirmDifferent });
    const result: ManualRotationResult = reply.ok
      ? reply.value
      : { kind: 'invalid', message: reply.error.message };
    setManual(result);
    if (result.kind === 'replaced') setPasted('');
  }

  async function revokeOld() {
    const reply = await bridge().revokeOldToken(key);
    setRevokeOldMessage(
      reply.ok
        ? reply.value.ok
          ? 'The old token is revoked.'
          : reply.value.message
        : reply.error.message,
    );
    if (reply.ok && reply.value.ok) {
      setManual(null);
      setOldRevoked((n) => n + 1);
    }
  }

  return (
    <section aria-labelledby="token-title" className="page">
      <h1 id="token-title">Token</h1>
      {switcher}
      {token.rejected && (
        <p className="notice error" role="alert">
          Home Assistant rejected this token. It may have been revoked or have expired:{' '}
          <a href={`#${settingsHash('connection', key)}`}>paste a new one on the Connection page</a>
          .
        </p>
      )}
      {status && !connected && !token.rejected && (
        <p className="notice" role="status">
          {facts === null ? 'No token is saved yet. ' : ''}
          Rotating, replacing and listing tokens need a connection to Home Assistant:{' '}
          <a href={`#${settingsHash('connection', key)}`}>set up the connection</a>.
        </p>
      )}
      {facts !== null && (
        <dl className="facts">
          <dt>Name in Home Assistant</dt>
          <dd>{facts.name ?? 'unknown until HA Tray is connected'}</dd>
          <dt>Age</dt>
          <dd>
            {facts.ageDays !== null
              ? `${facts.ageDays} days (issued ${day(facts.issuedAt)})`
              : `unknown; saved in HA Tray on ${day(facts.savedAt)}`}
          </dd>
          <dt>Expires</dt>
          <dd>{facts.expiresAt === null ? 'unknown' : day(facts.expiresAt)}</dd>
          <HaExpiry facts={facts} />
          <dt>Next rotation</dt>
          <dd>
            {reminder.dueReason !== null
              ? 'now'
              : reminder.dueAt === null
                ? 'no reminder'
                : day(reminder.dueAt)}
          </dd>
        </dl>
      )}

      {reminder.headline && (
        <div className="notice warn">
          <p className="notice-title">{reminder.headline}</p>
          {rotateInReminder && <p>{ROTATION_EXPLAINED}</p>}
          <div className="actions">
            {rotateInReminder && rotateButton}
            <button
              type="button"
              className="button"
              onClick={() =>
                runDetached(bridge().snoozeTokenReminder(key, 'day'), 'Snoozing the token reminder')
              }
            >
              Remind me tomorrow
            </button>
            <button
              type="button"
              className="button"
              onClick={() =>
                runDetached(
                  bridge().snoozeTokenReminder(key, 'week'),
                  'Snoozing the token reminder',
                )
              }
            >
              Remind me in a week
            </button>
          </div>
        </div>
      )}
      {rotateInReminder && rotationMessage}

      <div className="field">
        <label htmlFor={ids.interval}>Remind me to rotate it</label>
        <select
          id={ids.interval}
          value={instance.tokenReminder.intervalDays ?? 'off'}
          onChange={(e) => {
            const value =
              e.target.value === 'off'
                ? null
                : (Number(e.target.value) as (typeof ROTATION_INTERVALS)[number]);
            runDetached(
              bridge().updateInstance(key, {
                tokenReminder: { ...instance.tokenReminder, intervalDays: value },
              }),
              'Saving the settings',
            );
          }}
        >
          {ROTATION_INTERVALS.map((days) => (
            <option key={days} value={days}>
              every {days} days
            </option>
          ))}
          <option value="off">never</option>
        </select>
      </div>

      {connected && (
        <>
          {!rotateInReminder && (
            <>
              <h2>Rotate</h2>
              <p className="muted">{ROTATION_EXPLAINED}</p>
              <div className="actions">{rotateButton}</div>
              {rotationMessage}
            </>
          )}

          <h2>Replace with a token you made</h2>
          <div className="field">
            <label htmlFor={ids.paste}>New long-lived access token</label>
            <input
              id={ids.paste}
              type="password"
              autoComplete="off"
              spellCheck={false}
              value={pasted}
              aria-invalid={pasteError ? true : undefined}
              aria-describedby={pasteError ? ids.pasteError : undefined}
              onChange={(e) => {
                setPasted(e.target.value);
                // The question was about the token that was there: another one is asked anew.
                if (manual?.kind === 'needs_confirmation') setManual(null);
              }}
            />
          </div>
          <div className="actions">
            <button
              type="button"
              className="button"
              disabled={pasted.trim() === ''}
              onClick={() => runDetached(replace(false), 'Replacing the token')}
            >
              Verify and replace
            </button>
          </div>
          <div aria-live="polite">
            {manual && manual.kind === 'needs_confirmation' && (
              <ConfirmStep
                variant="notice"
                question="Use a different token?"
                detail={manual.message}
                confirmLabel="Use it anyway"
                onConfirm={() => {
                  setManual(null);
                  runDetached(replace(true), 'Replacing the token');
                }}
                onCancel={() => setManual(null)}
              />
            )}
            {pasteError && (
              <p className="notice error" role="alert" id={ids.pasteError}>
                {manual.message}
              </p>
            )}
            {manual && manual.kind === 'replaced' && (
              <div className="notice ok" ref={replaced} tabIndex={-1}>
                <p>{manual.message}</p>
                {manual.canRevokeOld && (
                  <button
                    type="button"
                    className="button"
                    onClick={() => runDetached(revokeOld(), 'Revoking the old token')}
                  >
                    Revoke the old token
                  </button>
                )}
              </div>
            )}
            {revokeOldMessage && <p className="notice">{revokeOldMessage}</p>}
          </div>

          <TokenAudit instance={key} listVersion={listVersion} />
        </>
      )}
    </section>
  );
}

/** The user's long-lived tokens, listed again whenever `listVersion` says they changed. */
function TokenAudit({ instance, listVersion }: { instance: string; listVersion: string }) {
  const [audit, setAudit] = useState<AuditView | null>(null);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [confirming, setConfirming] = useState(false);
  /** An object, so that the same words after another revocation still take focus. */
  const [result, setResult] = useState<{ text: string } | null>(null);
  const resultBox = useRef<HTMLParagraphElement>(null);
  const title = useId();
  // Revoking empties the selection, which disables the button that had focus: focus goes to
  // what happened instead.
  useEffect(() => {
    if (result) resultBox.current?.focus();
  }, [result]);

  const show = (reply: Awaited<ReturnType<ReturnType<typeof bridge>['loadTokenAudit']>>) => {
    const view: AuditView = reply.ok
      ? reply.value
      : { state: 'error', message: reply.error.message };
    setAudit(view);
    // A choice survives a new list only while its token can still be revoked.
    const revocable = new Set(
      view.state === 'loaded' ? view.rows.filter((r) => r.revocable).map((r) => r.id) : [],
    );
    setChosen((before) => new Set([...before].filter((id) => revocable.has(id))));
  };
  const load = async () => show(await bridge().loadTokenAudit(instance));
  useEffect(() => {
    let live = true;
    runDetached(
      bridge()
        .loadTokenAudit(instance)
        .then((reply) => {
          if (live) show(reply);
        }),
      'Loading the token audit',
    );
    return () => {
      live = false;
    };
  }, [instance, listVersion]);

  async function revoke() {
    setConfirming(false);
    const reply = await bridge().revokeTokens(instance, { ids: [...chosen], confirm: true });
    if (!reply.ok) setResult({ text: reply.error.message });
    else if (reply.value.kind === 'done') {
      const { revoked, failed } = reply.value;
      setResult({
        text: `${revoked.length} revoked.${failed.length ? ` ${failed.length} could not be revoked: ${failed[0]!.message}` : ''}`,
      });
    } else setResult({ text: reply.value.message });
    await load();
  }

  return (
    <>
      <h2 id={title}>Your long-lived tokens</h2>
      <p className="muted">
        Home Assistant does not record when a long-lived token was last used, so neither can HA
        Tray.
      </p>
      {audit === null && <p className="muted">Loading…</p>}
      {audit?.state === 'error' && (
        <LoadFailure
          message={audit.message}
          onRetry={() => runDetached(load(), 'Loading the token audit')}
        />
      )}
      {audit?.state === 'loaded' && (
        <>
          {/* When narrow the table scrolls sideways: a keyboard user scrolls it from here
              (the current token's row has no enabled control to focus). */}
          <div className="audit-scroll" role="region" aria-labelledby={title} tabIndex={0}>
            <table className="audit">
              <thead>
                <tr>
                  <th scope="col">
                    <span className="visually-hidden">Select</span>
                  </th>
                  <th scope="col">Name</th>
                  <th scope="col">Created</th>
                  <th scope="col">Expires</th>
                  <th scope="col">Note</th>
                </tr>
              </thead>
              <tbody>
                {audit.rows.map((row) => (
                  <tr key={row.id} className={row.olderThanInterval ? 'old' : undefined}>
                    <td>
                      <input
                        type="checkbox"
                        aria-label={`Select ${row.name ?? row.id}`}
                        disabled={!row.revocable}
                        checked={chosen.has(row.id)}
                        onChange={(e) => {
                          const next = new Set(chosen);
                          if (e.target.checked) next.add(row.id);
                          else next.delete(row.id);
                          setChosen(next);
                        }}
                      />
                    </td>
                    <td>{row.name ?? '(no name)'}</td>
                    <td>{day(row.createdAt)}</td>
                    <td>{row.expiresAt === null ? 'unknown' : day(row.expiresAt)}</td>
                    <td>
                      {[
                        row.usedByThisApp ? 'used by this app' : null,
                        row.olderThanInterval ? 'older than your rotation interval' : null,
                      ]
                        .filter(Boolean)
                        .join(', ')}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="actions">
            <button
              type="button"
              className="button danger"
              disabled={chosen.size === 0}
              onClick={() => setConfirming(true)}
            >
              Revoke selected…
            </button>
          </div>
          {confirming && (
            <ConfirmStep
              variant="notice"
              question={`Revoke ${chosen.size} token${chosen.size > 1 ? 's' : ''}?`}
              detail={`Anything that still uses ${chosen.size > 1 ? 'them' : 'it'} loses access to Home Assistant.`}
              confirmLabel="Revoke"
              onConfirm={() => runDetached(revoke(), 'Revoking the token')}
              onCancel={() => setConfirming(false)}
            />
          )}
          {result && (
            <p className="notice" ref={resultBox} tabIndex={-1}>
              {result.text}
            </p>
          )}
        </>
      )}
    </>
  );
}
