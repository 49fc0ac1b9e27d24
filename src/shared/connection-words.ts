import { retryInSeconds, type ConnectionStatus } from './connection-status';

/**
 * What to do about an IP ban, the one text for the Connection page, the status line, the test
 * result and the notification: Home Assistant keeps the ban until the address leaves
 * ip_bans.yaml and it restarts.
 */
export const BAN_HELP =
  'Home Assistant has banned this computer’s IP address after failed logins. To lift the ban, remove ' +
  'the address from ip_bans.yaml in Home Assistant’s configuration folder and restart Home Assistant.';

/** The connection in words: `brief` for the tray, its tooltip and the panel header; `sentence` for settings. */
export interface ConnectionWords {
  brief: string;
  sentence: string;
}

/** "just now", "5 min ago", "3 h ago", or the date. */
function since(ms: number, now: number): string {
  const minutes = Math.floor((now - ms) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  return hours < 24 ? `${hours} h ago` : new Date(ms).toLocaleDateString();
}

export function connectionWords(status: ConnectionStatus, now: number): ConnectionWords {
  switch (status.state) {
    case 'not_configured':
      return { brief: 'Not set up', sentence: 'Not connected yet' };
    case 'connecting':
      return { brief: 'Connecting…', sentence: 'Connecting…' };
    case 'connected':
      return {
        brief: 'Connected',
        sentence: `Connected since ${since(status.since, now)} (Home Assistant ${status.haVersion})`,
      };
    case 'reconnecting': {
      const seconds = retryInSeconds(status, now);
      const brief = seconds > 0 ? `Reconnecting in ${seconds} s` : 'Reconnecting…';
      return {
        brief,
        sentence: `${status.reason}. ${brief} (attempt ${status.attempt})`,
      };
    }
    case 'auth_failed':
      return {
        brief: 'Token rejected',
        sentence:
          'Token rejected – paste a new one below, or choose Reconnect now in the tray menu to try it once more',
      };
    case 'banned':
      return {
        brief: 'Banned by Home Assistant',
        sentence:
          'This computer is banned by Home Assistant – once the ban is lifted, Reconnect now in the tray menu tries once',
      };
    case 'offline':
      return { brief: 'Offline', sentence: 'Offline – waiting for the network' };
  }
}
