import type { EntityState } from '../../shared/entity';
import { friendlyName, stateText } from '../../shared/state-text';
import {
  instanceFavourites,
  instanceWords,
  isConnected,
  needsReconnect,
  type InstanceTrayInput,
} from './instance-tray-model';
import type { MenuItemSpec, TrayIconSpec } from './tray-host';
import { connectionSeverity, worstIcon } from './tray-icon-state';
import { instanceItemId, statusItemId } from './tray-item-ids';

export interface TrayModel {
  icon: TrayIconSpec;
  tooltip: string;
  /** Text next to the icon (macOS shows it): the chosen sensor's state, or empty. */
  title: string;
  items: MenuItemSpec[];
}

export interface TrayInput {
  /** Every Home Assistant the app follows, in the user's order (`settings.instances`). */
  instances: readonly InstanceTrayInput[];
  /** The global shortcut that opens the panel, shown next to "Open panel". */
  panelShortcut: string | null;
  /** Notifications are paused until then (epoch ms), or not at all. */
  pausedUntil: number | null;
  /** The sensor shown as the tray's title and in its tooltip, with the instance it is from, or none. */
  sensor: { instance: string; entityId: string } | null;
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

/** The chosen sensor as "21.5 °C" and "Outside: 21.5 °C", while its instance is connected. */
function sensorText(
  sensor: TrayInput['sensor'],
  instances: readonly InstanceTrayInput[],
): { title: string; line: string | null } {
  const from = sensor && instances.find(({ status }) => status.key === sensor.instance);
  const state: EntityState | undefined =
    from && isConnected(from.status) ? from.entity(sensor.entityId) : undefined;
  if (!state) return { title: '', line: null };
  const value = stateText(state);
  return { title: value, line: `${friendlyName(state)}: ${value}` };
}

/**
 * The favourites' part of the menu. One instance: its status line, then its favourites, as
 * always. Several: a group per instance in the user's order, headed by its name and state.
 */
function instanceSections(instances: readonly InstanceTrayInput[], now: number): MenuItemSpec[] {
  const line = ({ status }: InstanceTrayInput, id: string): MenuItemSpec => ({
    type: 'normal',
    id,
    label: `${status.name} – ${instanceWords(status, now)}`,
    enabled: false,
  });
  const [only] = instances;
  if (only && instances.length === 1) {
    const favourites = instanceFavourites(only);
    return [
      line(only, statusItemId(null)),
      { type: 'separator' },
      ...(favourites.length > 0 ? [...favourites, { type: 'separator' } as const] : []),
    ];
  }
  return instances.flatMap((instance) => [
    line(instance, statusItemId(instance.status.key)),
    ...instanceFavourites(instance),
    { type: 'separator' } as const,
  ]);
}

/** "⚠ Token is 97 days old - Rotate…", with the instance's name where there are several. */
function reminderLines(instances: readonly InstanceTrayInput[]): MenuItemSpec[] {
  const several = instances.length > 1;
  return instances.flatMap(({ status, reminder }): MenuItemSpec[] =>
    reminder?.menuLine
      ? [
          {
            type: 'normal',
            id: instanceItemId('rotate', several ? status.key : null),
            label: several ? `⚠ ${status.name}: ${reminder.menuLine}` : `⚠ ${reminder.menuLine}`,
          },
        ]
      : [],
  );
}

/** "Open Home Assistant": the one instance, or a submenu of them. */
function openHomeAssistant(instances: readonly InstanceTrayInput[]): MenuItemSpec {
  const [only] = instances;
  if (only && instances.length === 1)
    return {
      type: 'normal',
      id: instanceItemId('open-ha', null),
      label: 'Open Home Assistant',
      enabled: only.status.instance !== null,
    };
  return {
    type: 'submenu',
    label: 'Open Home Assistant',
    enabled: instances.some(({ status }) => status.instance !== null),
    submenu: instances.map(({ status }) => ({
      type: 'normal',
      id: instanceItemId('open-ha', status.key),
      label: status.name,
      enabled: status.instance !== null,
    })),
  };
}

/**
 * One tooltip line per instance, the worst first: it says why the icon looks as it does, and
 * survives where the platform cuts a long tooltip short (Windows keeps 127 characters).
 */
function statusLines(instances: readonly InstanceTrayInput[], now: number): string[] {
  const severity = (i: InstanceTrayInput) => connectionSeverity(i.status.connection.state);
  return [...instances]
    .sort((a, b) => severity(b) - severity(a))
    .map(({ status }) => `HA Tray – ${status.name}: ${instanceWords(status, now)}`);
}

/** Pure: the instances' and the app's state in, the tray's icon, tooltip and menu out. */
export function trayModel(
  { instances, panelShortcut, pausedUntil, sensor, dark }: TrayInput,
  now: number,
): TrayModel {
  const items: MenuItemSpec[] = [
    ...instanceSections(instances, now),
    ...reminderLines(instances),
    {
      type: 'normal',
      id: 'panel',
      label: 'Open panel',
      ...(panelShortcut ? { accelerator: panelShortcut } : {}),
    },
    openHomeAssistant(instances),
    pauseMenu(pausedUntil),
    { type: 'normal', id: 'settings', label: 'Settings…' },
  ];
  if (instances.some(({ status }) => needsReconnect(status)))
    items.push({ type: 'normal', id: 'reconnect', label: 'Reconnect now' });
  items.push({ type: 'separator' }, { type: 'normal', id: 'quit', label: 'Quit HA Tray' });
  const shown = sensorText(sensor, instances);
  const summary = statusLines(instances, now).join('\n');
  return {
    icon: {
      name: worstIcon(instances.map(({ status }) => status.connection.state)),
      attention: instances.some(({ reminder }) => reminder?.attention ?? false),
      dark,
    },
    tooltip: shown.line ? `${shown.line}\n${summary}` : summary,
    title: shown.title,
    items,
  };
}
