import { BAN_HELP } from '../../shared/connection-words';
import type { NotificationText } from './entity-message';

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;

/** "less than a minute", "5 minutes", "2 hours 5 minutes". */
export function formatOutage(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return 'less than a minute';
  if (minutes < 60) return plural(minutes, 'minute');
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? plural(hours, 'hour') : `${plural(hours, 'hour')} ${plural(rest, 'minute')}`;
}

export function connectionLostText(reason: string | undefined, offline: boolean): NotificationText {
  const why = offline ? 'This computer is offline' : (reason ?? 'Home Assistant is not reachable');
  return {
    title: 'Lost the connection to Home Assistant',
    body: `${why}. HA Tray keeps trying and tells you when it is back.`,
  };
}

export function connectionRestoredText(outageMs: number): NotificationText {
  return {
    title: 'Connected to Home Assistant again',
    body: `The connection was down for ${formatOutage(outageMs)}.`,
  };
}

export const TOKEN_REJECTED_TEXT: NotificationText = {
  title: 'Home Assistant rejected the token',
  body: 'HA Tray stopped connecting so that Home Assistant does not ban this computer. Paste a new long-lived access token in Settings, or, if you fixed the token in Home Assistant, choose Reconnect now: HA Tray tries once.',
};

export const BAN_DETECTED_TEXT: NotificationText = {
  title: 'Home Assistant has banned this computer',
  body: `${BAN_HELP} Then choose Reconnect now: HA Tray tries once.`,
};
