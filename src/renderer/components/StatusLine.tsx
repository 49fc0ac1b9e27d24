import {
  connectionCategory,
  type ConnectionCategory,
  type ConnectionStatus,
} from '../../shared/connection-status';
import { connectionWords } from '../../shared/connection-words';

const DOT_CLASS: Record<ConnectionCategory, string> = {
  unset: '',
  working: 'pending',
  waiting: 'pending',
  up: 'connected',
  refused: 'error',
};

/** The connection's colour, beside words that say it (never alone). */
export function StatusDot({ status }: { status: ConnectionStatus }) {
  return (
    <span
      className={`status-dot ${DOT_CLASS[connectionCategory(status.state)]}`}
      aria-hidden="true"
    />
  );
}

/**
 * The connection in words, with a coloured dot; announced to screen readers when it changes.
 * `brief` (the panel header) keeps it to a few words on one line - "Connected", "Reconnecting in
 * 3 s" - with the whole sentence in the tooltip.
 */
export function StatusLine({
  status,
  now,
  brief = false,
}: {
  status: ConnectionStatus;
  now: number;
  brief?: boolean;
}) {
  const words = connectionWords(status, now);
  const text = words.sentence;
  const shown = brief ? words.brief : text;
  return (
    <p className="status-line" role="status" title={shown === text ? undefined : text}>
      <StatusDot status={status} />
      {shown}
    </p>
  );
}
