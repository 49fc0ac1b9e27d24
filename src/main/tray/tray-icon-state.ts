import {
  connectionCategory,
  type ConnectionCategory,
  type ConnectionState,
} from '../../shared/connection-status';
import type { TrayIconName } from './tray-host';

const ICON_FOR: Record<ConnectionCategory, TrayIconName> = {
  unset: 'disconnected',
  working: 'connecting',
  waiting: 'disconnected',
  up: 'connected',
  refused: 'error',
};

/**
 * How bad a connection's state is for the icon: refused (a rejected token, a ban) worse than
 * disconnected, worse than connecting, worse than connected. An instance that is not set up
 * yet is below all of them: it is not down, only waiting for the user.
 */
export function connectionSeverity(state: ConnectionState): number {
  const category = connectionCategory(state);
  if (category === 'unset') return -1;
  return ['connected', 'connecting', 'disconnected', 'error'].indexOf(ICON_FOR[category]);
}

/**
 * The tray's icon for the instances' states: the worst among those that are set up, so one
 * instance that is down shows however many are fine; while none is set up, "disconnected".
 */
export function worstIcon(states: readonly ConnectionState[]): TrayIconName {
  const worst = states.reduce<ConnectionState | null>(
    (sofar, state) =>
      sofar === null || connectionSeverity(state) > connectionSeverity(sofar) ? state : sofar,
    null,
  );
  return worst === null ? 'disconnected' : ICON_FOR[connectionCategory(worst)];
}
