import type { AppStatus } from '../../shared/app-status';
import { connectionCategory, type ConnectionCategory } from '../../shared/connection-status';
import { connectionWords } from '../../shared/connection-words';
import type { EntityState } from '../../shared/entity';
import type { EntityPlace } from '../../shared/entity-view';
import { groupByFloor } from '../../shared/floor-groups';
import type { Favourite } from '../../shared/settings';
import { friendlyName, stateText } from '../../shared/state-text';
import type { ReminderStatus } from '../../shared/token-status';
import { favouriteMenu } from './favourite-menu';
import type { MenuItemSpec, TrayIconSpec } from './tray-host';

export interface TrayModel {
  icon: TrayIconSpec;
  tooltip: string;
  /** Text next to the icon (macOS shows it): the chosen sensor's state, or empty. */
  title: string;
  items: MenuItemSpec[];
}

export type TrayCommand =
  | 'rotate'
  | 'panel'
  | 'settings'
  | 'open-ha'
  | 'pause-hour'
  | 'pause-tomorrow'
  | 'resume-notifications'
  | 'reconnect'
  | 'quit';

export interface TrayInput {
  status: AppStatus;
  favourites: readonly Favourite[];
  entity: (entityId: string) => EntityState | undefined;
  /** Where an entity is (its area and floor), as src/main/ha/area-directory.ts knows it. */
  placeOf: (entityId: string) => EntityPlace | undefined;
  /** The global shortcut that opens the panel, shown next to "Open panel". */
  panelShortcut: string | null;
  /** The token rotation reminder: the attention badge and "Token is 97 days old - Rotate…". */
  reminder: Pick<ReminderStatus, 'attention' | 'menuLine'> | null;
  /** Notifications are paused until then (epoch ms), or not at all. */
  pausedUntil: number | null;
  /** The sensor shown as the tray's title and in its tooltip, or none. */
  sensorId: string | null;
  /** The system's theme is dark. */
  dark: boolean;
}

function pauseMenu(pausedUntil: number | null): MenuItemSpec {
  const until =
    pausedUntil === null
      ? null
      : new Date(pausedUntil).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  return {
    type: 'submenu',
    label: until ? `Notifications paused until ${until}` : 'Pause notifications',
    submenu: [
      { type: 'normal', id: 'pause-hour', label: 'For an hour' },
      { type: 'normal', id: 'pause-tomorrow', label: 'Until tomorrow morning' },
      ...(until
        ? [
            { type: 'separator' } as const,
            { type: 'normal' as const, id: 'resume-notifications', label: 'Resume now' },
          ]
        : []),
    ],
  };
}

const ICON_FOR: Record<ConnectionCategory, TrayIconSpec['name']> = {
  unset: 'disconnected',
  working: 'connecting',
  waiting: 'disconnected',
  up: 'connected',
  refused: 'error',
};

/** The chosen sensor as "21.5 °C" and "Outside: 21.5 °C", while its state is live. */
function sensorText(
  sensorId: string | null,
  entity: TrayInput['entity'],
  connected: boolean,
): { title: string; line: string | null } {
  const sensor = sensorId && connected ? entity(sensorId) : undefined;
  if (!sensor) return { title: '', line: null };
  const value = stateText(sensor);
  return { title: value, line: `${friendlyName(sensor)}: ${value}` };
}

/** Pure: the app's state in, the tray's icon, tooltip and menu out. */
export function trayModel(
  {
    status,
    favourites,
    entity,
    placeOf,
    panelShortcut,
    reminder,
    pausedUntil,
    sensorId,
    dark,
  }: TrayInput,
  now: number,
): TrayModel {
  const place = status.instance?.locationName ?? 'Home Assistant';
  // Held back by the crash-loop guard, the connection reads "not set up": say the real reason.
  const words = status.startNotice
    ? 'Not connecting after repeated crashes'
    : connectionWords(status.connection, now).brief;
  const connected = status.connection.state === 'connected';
  const items: MenuItemSpec[] = [
    { type: 'normal', id: 'status', label: `${place} – ${words}`, enabled: false },
    { type: 'separator' },
  ];
  if (status.instance !== null && favourites.length > 0) {
    // The panel's grouping: in the user's order, a group wherever the floor changes.
    const groups = groupByFloor(
      favourites.map((_, index) => index),
      (index) => placeOf(favourites[index]!.entityId),
      { order: 'kept' },
    );
    // While disconnected the last known states may be stale: show the favourites, disabled.
    items.push(...favouriteMenu({ favourites, entity, placeOf, groups, enabled: connected }), {
      type: 'separator',
    });
  }
  if (reminder?.menuLine)
    items.push({ type: 'normal', id: 'rotate', label: `⚠ ${reminder.menuLine}` });
  items.push(
    {
      type: 'normal',
      id: 'panel',
      label: 'Open panel',
      ...(panelShortcut ? { accelerator: panelShortcut } : {}),
    },
    {
      type: 'normal',
      id: 'open-ha',
      label: 'Open Home Assistant',
      enabled: status.instance !== null,
    },
    pauseMenu(pausedUntil),
    { type: 'normal', id: 'settings', label: 'Settings…' },
  );
  if (!connected && status.instance !== null)
    items.push({ type: 'normal', id: 'reconnect', label: 'Reconnect now' });
  items.push({ type: 'separator' }, { type: 'normal', id: 'quit', label: 'Quit HA Tray' });
  const sensor = sensorText(sensorId, entity, connected);
  const summary = `HA Tray – ${place}: ${words}`;
  return {
    icon: {
      name: ICON_FOR[connectionCategory(status.connection.state)],
      attention: reminder?.attention ?? false,
      dark,
    },
    tooltip: sensor.line ? `${sensor.line}\n${summary}` : summary,
    title: sensor.title,
    items,
  };
}
