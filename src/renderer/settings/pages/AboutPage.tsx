import { useEffect, useState } from 'react';
import type { AppStatus } from '../../../shared/app-status';
import type { AboutInfo, DiagnosticsOptions } from '../../../shared/diagnostics';
import { bridge } from '../../bridge';
import { LoadFailure } from '../../components/LoadFailure';
import { runDetached } from '../../detached';
import { useSettings } from '../../hooks/useSettings';

const time = (at: number) =>
  new Date(at).toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'medium' });

/** Versions, the connection's recent history, and diagnostics text for a bug report. */
export function AboutPage({ status }: { status: AppStatus }) {
  const [about, setAbout] = useState<AboutInfo | null>(null);
  const [options, setOptions] = useState<DiagnosticsOptions>({
    redactAddress: true,
    redactEntityNames: true,
  });
  const [copied, setCopied] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const settings = useSettings();

  const [loadError, setLoadError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  // Each status change adds to the history: load it again.
  useEffect(() => {
    let live = true;
    runDetached(
      bridge()
        .getAbout()
        .then((reply) => {
          if (!live) return;
          if (reply.ok) setAbout(reply.value);
          setLoadError(reply.ok ? null : reply.error.message);
        }),
      'Loading About',
    );
    return () => {
      live = false;
    };
  }, [status, attempt]);

  async function copy() {
    const reply = await bridge().copyDiagnostics(options);
    setCopied(reply.ok ? reply.value : null);
    setError(reply.ok ? null : reply.error.message);
  }

  const option = (key: keyof DiagnosticsOptions, label: string) => (
    <label className="inline">
      <input
        type="checkbox"
        checked={options[key]}
        onChange={(e) => {
          setOptions({ ...options, [key]: e.target.checked });
          setCopied(null);
        }}
      />
      {label}
    </label>
  );

  return (
    <section aria-labelledby="about-title" className="page">
      <h1 id="about-title">About</h1>
      {loadError && about === null && (
        <LoadFailure message={loadError} onRetry={() => setAttempt((n) => n + 1)} />
      )}
      {about && (
        <dl className="facts">
          <dt>HA Tray</dt>
          <dd>{about.versions.app}</dd>
          <dt>Home Assistant</dt>
          <dd>{about.homeAssistant ?? 'not connected'}</dd>
          <dt>Electron</dt>
          <dd>{about.versions.electron}</dd>
          <dt>Chromium</dt>
          <dd>{about.versions.chromium}</dd>
          <dt>Node</dt>
          <dd>{about.versions.node}</dd>
          <dt>System</dt>
          <dd>{about.platform}</dd>
          <dt>Log file</dt>
          <dd className="path">{about.logFile}</dd>
        </dl>
      )}

      <h2>Connection history</h2>
      {about && about.history.length === 0 && <p className="muted">Nothing happened yet.</p>}
      {about && about.history.length > 0 && (
        // It scrolls once long: focusable, so that the keyboard scrolls it too.
        <ol className="history" aria-label="Connection history, newest first" tabIndex={0}>
          {[...about.history].reverse().map((event, index) => (
            <li key={`${event.at}-${index}`} className={`history-${event.kind}`}>
              <time dateTime={new Date(event.at).toISOString()}>{time(event.at)}</time>{' '}
              {event.detail}
            </li>
          ))}
        </ol>
      )}

      <h2>Diagnostics for a bug report</h2>
      <p className="muted">The token is never included.</p>
      <div className="field">
        {option('redactAddress', 'Leave out the Home Assistant address')}
        {option('redactEntityNames', 'Leave out entity names')}
      </div>
      <div className="actions">
        <button
          type="button"
          className="button primary"
          onClick={() => runDetached(copy(), 'Copying the diagnostics')}
        >
          Copy diagnostics
        </button>
      </div>
      {error && (
        <p className="notice error" role="alert">
          {error}
        </p>
      )}
      {copied !== null && (
        <>
          <p className="notice ok" role="status">
            Copied. Paste it into your bug report.
          </p>
          <pre className="diagnostics" aria-label="Copied text">
            {copied}
          </pre>
        </>
      )}

      <h2>Logging</h2>
      <label className="inline">
        <input
          type="checkbox"
          checked={settings?.diagnostics.debugLog ?? false}
          disabled={!settings}
          onChange={(e) =>
            runDetached(
              bridge().updateSettings({ diagnostics: { debugLog: e.target.checked } }),
              'Saving the debug log switch',
            )
          }
        />
        Write debug lines too (for a bug report; the log grows faster)
      </label>
    </section>
  );
}
