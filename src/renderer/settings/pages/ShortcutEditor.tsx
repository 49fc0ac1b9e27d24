import { useState, type KeyboardEvent } from 'react';
import type { ShortcutState } from '../../../shared/desktop-status';
import { acceleratorFromKeyPress, checkShortcut, describeShortcut } from '../../../shared/shortcut';
import { bridge } from '../../bridge';
import { runDetached } from '../../detached';

/**
 * Records a key combination for the panel's global shortcut. Main registers it (or says that
 * another app holds it) before it is saved; a combination without a modifier never leaves the page.
 */
export function ShortcutEditor({ shortcut, mac }: { shortcut: ShortcutState; mac: boolean }) {
  const [recording, setRecording] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  async function save(accelerator: string) {
    const reply = await bridge().setGlobalShortcut(accelerator);
    setMessage(reply.ok ? null : reply.error.message);
  }

  function onKeyDown(event: KeyboardEvent<HTMLButtonElement>) {
    if (!recording) return;
    event.preventDefault();
    const modified = event.ctrlKey || event.altKey || event.metaKey || event.shiftKey;
    if (event.key === 'Escape' && !modified) {
      setRecording(false);
      setMessage(null);
      return;
    }
    const accelerator = acceleratorFromKeyPress(event, mac);
    if (accelerator === null) return;
    setRecording(false);
    const check = checkShortcut(accelerator);
    if (!check.ok) {
      setMessage(check.message);
      return;
    }
    runDetached(save(check.accelerator), 'Saving');
  }

  const current = shortcut.accelerator ? describeShortcut(shortcut.accelerator, mac) : null;
  const problem = message ?? shortcut.message;
  return (
    <div className="field">
      <span className="label" id="shortcut-label">
        Open the panel from anywhere
      </span>
      {/* The group carries the label, so the button's name is the text it shows (WCAG 2.5.3). */}
      <div className="shortcut-row" role="group" aria-labelledby="shortcut-label">
        <button
          type="button"
          className={`shortcut-key${recording ? ' recording' : ''}`}
          aria-describedby="shortcut-hint"
          onClick={() => {
            setMessage(null);
            setRecording(true);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => setRecording(false)}
        >
          {recording ? 'Press the new combination…' : (current ?? 'No shortcut')}
        </button>
        <button
          type="button"
          className="button"
          disabled={!shortcut.accelerator}
          onClick={() => runDetached(save(''), 'Saving')}
        >
          Clear
        </button>
      </div>
      <span className="hint" id="shortcut-hint">
        {recording
          ? 'Hold Ctrl, Alt or Cmd and press a key. Esc cancels.'
          : 'Click to record a combination with Ctrl, Alt or Cmd.'}
      </span>
      {problem && (
        <span className="error" role="alert">
          {problem}
        </span>
      )}
    </div>
  );
}
