import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { instanceDisplayName } from '../../../shared/app-status';
import { connectionWords } from '../../../shared/connection-words';
import { instanceNameSchema, type InstanceEntry, type Settings } from '../../../shared/settings';
import { settingsHash } from '../../../shared/settings-route';
import { bridge } from '../../bridge';
import { ConfirmStep } from '../../components/controls/ConfirmStep';
import { StatusDot } from '../../components/StatusLine';
import { runDetached } from '../../detached';
import { useAppStatus } from '../../hooks/useAppStatus';
import { useNow } from '../../hooks/useNow';

/** What the last Add or Remove said: kept by the window, as the list moves when it changes. */
export interface InstanceListNotice {
  kind: 'ok' | 'warn' | 'error';
  text: string;
}

interface Props {
  settings: Settings;
  /** The instance the page around the list shows. */
  shown: string;
  /** A new instance was added: the window opens its Connection page. */
  onAdded: (key: string) => void;
  notice: InstanceListNotice | null;
  onNotice: (notice: InstanceListNotice | null) => void;
}

/** What removing an instance said, in one sentence. */
function removalText(name: string, revoked: boolean, revokeProblem: string | null): string {
  if (revokeProblem)
    return `${name} is removed. Its token could not be revoked: ${revokeProblem} Delete “HA Tray” under Long-lived access tokens in your profile there.`;
  return revoked
    ? `${name} is removed, and HA Tray’s token there is revoked.`
    : `${name} is removed.`;
}

/**
 * The Home Assistants HA Tray follows, as an accounts list: each with its name and connection,
 * Rename and Remove; "Add a Home Assistant" below. Where there are several, each name opens its
 * Connection page.
 */
export function InstanceList({ settings, shown, onAdded, notice, onNotice }: Props) {
  const several = settings.instances.length > 1;
  const titleId = useId();
  const noticeBox = useRef<HTMLParagraphElement>(null);
  const focusNotice = useRef(false);

  async function add() {
    onNotice(null);
    const reply = await bridge().addInstance();
    if (reply.ok) onAdded(reply.value);
    else onNotice({ kind: 'error', text: reply.error.message });
  }

  async function remove(entry: InstanceEntry, revokeToken: boolean) {
    const name = instanceDisplayName(entry);
    const reply = await bridge().removeInstance(entry.key, { revokeToken });
    onNotice(
      reply.ok
        ? {
            kind: reply.value.revokeProblem ? 'warn' : 'ok',
            text: removalText(name, reply.value.revoked, reply.value.revokeProblem),
          }
        : { kind: 'error', text: reply.error.message },
    );
    // The row goes: focus goes to what happened.
    focusNotice.current = true;
  }

  // Also when the list moved (from above the page to below it, as the second last goes) and
  // focus fell to the page body with the old list.
  useEffect(() => {
    const lost = document.activeElement === null || document.activeElement === document.body;
    if (notice && (focusNotice.current || lost)) noticeBox.current?.focus();
    focusNotice.current = false;
  }, [notice]);

  return (
    <section className="known-instances" aria-labelledby={titleId}>
      <h2 id={titleId}>Home Assistants</h2>
      <ul aria-labelledby={titleId}>
        {settings.instances.map((entry) => (
          <InstanceRow
            key={entry.key}
            entry={entry}
            link={several}
            current={several && entry.key === shown}
            onRemove={(revokeToken) => runDetached(remove(entry, revokeToken), 'Removing')}
            onNotice={onNotice}
          />
        ))}
      </ul>
      {notice && (
        <p className={`notice ${notice.kind}`} role="status" tabIndex={-1} ref={noticeBox}>
          {notice.text}
        </p>
      )}
      <div className="actions">
        <button
          type="button"
          className="button"
          onClick={() => runDetached(add(), 'Adding a Home Assistant')}
        >
          Add a Home Assistant
        </button>
      </div>
      {!several && (
        <p className="hint">
          HA Tray can follow several Home Assistants at once, a holiday house beside your home, say.
        </p>
      )}
    </section>
  );
}

function InstanceRow({
  entry,
  link,
  current,
  onRemove,
  onNotice,
}: {
  entry: InstanceEntry;
  link: boolean;
  current: boolean;
  onRemove: (revokeToken: boolean) => void;
  onNotice: (notice: InstanceListNotice | null) => void;
}) {
  const status = useAppStatus(entry.key);
  const now = useNow();
  const [renaming, setRenaming] = useState(false);
  const renameButton = useRef<HTMLButtonElement>(null);
  const wasRenaming = useRef(false);
  // The form goes away with focus in it: focus goes back to Rename.
  useEffect(() => {
    if (wasRenaming.current && !renaming) renameButton.current?.focus();
    wasRenaming.current = renaming;
  }, [renaming]);
  const [confirming, setConfirming] = useState(false);
  const [revoke, setRevoke] = useState(true);
  const name = instanceDisplayName(entry);
  const words = status ? connectionWords(status.connection, now).brief : 'Loading…';
  const hasToken = status?.token.present === true;
  return (
    <li className="known-instance" aria-current={current ? 'true' : undefined}>
      <div className="known-instance-main">
        {status && <StatusDot status={status.connection} />}
        {link ? (
          <a className="known-instance-name" href={`#${settingsHash('connection', entry.key)}`}>
            {name}
          </a>
        ) : (
          <span className="known-instance-name">{name}</span>
        )}
        <span className="known-instance-state">{words}</span>
        {!renaming && (
          <span className="known-instance-actions">
            <button
              type="button"
              className="button small"
              aria-label={`Rename ${name}`}
              ref={renameButton}
              onClick={() => setRenaming(true)}
            >
              Rename
            </button>
            <button
              type="button"
              className="button small danger"
              aria-label={`Remove ${name}`}
              onClick={() => {
                onNotice(null);
                setConfirming(true);
              }}
            >
              Remove…
            </button>
          </span>
        )}
      </div>
      {renaming && (
        <RenameForm
          entry={entry}
          onDone={() => setRenaming(false)}
          onError={(text) => onNotice({ kind: 'error', text })}
        />
      )}
      {confirming && (
        <ConfirmStep
          variant="notice"
          question={`Remove ${name}?`}
          detail="HA Tray stops following it and deletes its favourites, rules and token from this computer."
          confirmLabel="Remove"
          onConfirm={() => {
            setConfirming(false);
            onRemove(hasToken && revoke);
          }}
          onCancel={() => setConfirming(false)}
        >
          {hasToken && (
            <label className="inline">
              <input
                type="checkbox"
                checked={revoke}
                onChange={(e) => setRevoke(e.target.checked)}
              />
              Revoke HA Tray’s token in that Home Assistant first
            </label>
          )}
        </ConfirmStep>
      )}
    </li>
  );
}

/** The user's name for an instance; empty gives it back Home Assistant's location name. */
function RenameForm({
  entry,
  onDone,
  onError,
}: {
  entry: InstanceEntry;
  onDone: () => void;
  onError: (text: string) => void;
}) {
  const id = useId();
  const [text, setText] = useState(entry.name ?? '');
  const check = text.trim() === '' ? null : instanceNameSchema.safeParse(text);
  const problem = check && !check.success ? check.error.issues[0]!.message : null;
  const fallback = instanceDisplayName({ ...entry, name: null });

  async function save(event: FormEvent) {
    event.preventDefault();
    if (problem) return;
    const reply = await bridge().updateInstance(entry.key, {
      name: check?.success ? check.data : null,
    });
    if (reply.ok) onDone();
    else onError(reply.error.message);
  }

  return (
    <form className="rename-form" onSubmit={(e) => runDetached(save(e), 'Renaming')}>
      <label htmlFor={id}>Name</label>
      <input
        id={id}
        autoFocus
        value={text}
        maxLength={40}
        placeholder={fallback}
        aria-invalid={problem !== null}
        aria-describedby={`${id}-hint`}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            e.stopPropagation();
            onDone();
          }
        }}
      />
      <span id={`${id}-hint`} className={problem ? 'error' : 'hint'}>
        {problem ?? `Empty: Home Assistant’s own name (${fallback}).`}
      </span>
      <button type="submit" className="button small primary" disabled={problem !== null}>
        Save
      </button>
      <button type="button" className="button small" onClick={onDone}>
        Cancel
      </button>
    </form>
  );
}
