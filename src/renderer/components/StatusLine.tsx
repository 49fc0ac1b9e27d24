import type { ConnectionStatus } from '../../shared/connection-status';

function dotClass(status: ConnectionStatus): string {
  if (status.state === 'connected') return 'connected';
  if (
    status.state === 'connecting' ||
    status.state === 'reconnecting' ||
    status.state === 'offline'
  )
    return 'pending';
  if (status.state === 'not_configured') return '';
  return 'error';
}

function since(ms: number, now: number): string {
  const minutes = Math.floor((now - ms) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  return hours < 24 ? `${hours} h ago` : new Date(ms).toLocaleDateString();
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
  let text: string;
  let short: string | null = null;
  switch (status.state) {
    case 'not_configured':
      text = 'Not connected yet';
      break;
    case 'connecting':
      text = 'Connecting…';
      break;
    case 'connected':
      text = `Connected since ${since(status.since, now)} (Home Assistant ${status.haVersion})`;
      short = 'Connected';
      break;
    case 'reconnecting': {
      const seconds = Math.max(0, Math.ceil((status.nextRetryAt - now) / 1000));
      const when = seconds > 0 ? `in ${seconds} s` : 'now';
      text = `${status.reason}. Reconnecting ${when} (attempt ${status.attempt})`;
      short = `Reconnecting ${when}`;
      break;
    }
    case 'auth_failed':
      text =
        'Token rejected – paste a new one below, or choose Reconnect now in the tray menu to try it once more';
      break;
    case 'banned':
      text =
        'This computer is banned by Home Assistant – once the ban is lifted, Reconnect now in the tray menu tries once';
      break;
    case 'offline':
      text = 'Offline – waiting for the network';
      short = 'Offline';
      break;
  }
  const shown = brief && short !== null ? short : text;
  return (
    <p className="status-line" role="status" title={shown === text ? undefined : text}>
      <span className={`status-dot ${dotClass(status)}`} aria-hidden="true" />
      {shown}
    </p>
  );
}
