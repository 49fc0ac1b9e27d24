import type { InstanceTrayInput } from '../../../src/main/tray/instance-tray-model';
import type { MenuItemSpec } from '../../../src/main/tray/tray-host';
import type { AppStatus } from '../../../src/shared/app-status';
import type { ConnectionStatus } from '../../../src/shared/connection-status';
import type { EntityState } from '../../../src/shared/entity';
import type { EntityPlace } from '../../../src/shared/entity-view';
import type { Favourite } from '../../../src/shared/settings';
import { READY_TOKEN } from '../../support/token-metadata';

export const CONNECTED: ConnectionStatus = { state: 'connected', since: 0, haVersion: '2024.1.6' };

/** An instance's status as its setup reports it; `origin` null: not set up yet. */
export const instanceStatus = (
  key: string,
  name: string,
  connection: ConnectionStatus = CONNECTED,
  origin: string | null = `http://${key}.lan:8123`,
): AppStatus => ({
  key,
  name,
  connection,
  instance: origin ? { origin, locationName: name } : null,
  token: READY_TOKEN,
  settingsNotice: null,
  startNotice: null,
  lookalike: null,
});

export const entityState = (
  entity_id: string,
  state: string,
  attributes: Record<string, unknown> = {},
): EntityState => ({
  entity_id,
  state,
  attributes,
  last_changed: '',
  last_updated: '',
  context: { id: 'c', parent_id: null, user_id: null },
});

/** One instance's part of the tray model's input, from its entities and their places. */
export const instanceInput = (
  status: AppStatus,
  home: ReadonlyArray<[EntityState, EntityPlace?]> = [],
  extra: Partial<Pick<InstanceTrayInput, 'favourites' | 'reminder'>> = {},
): InstanceTrayInput => ({
  status,
  favourites: home.map(([e]): Favourite => ({ entityId: e.entity_id })),
  entity: (id) => home.find(([e]) => e.entity_id === id)?.[0],
  placeOf: (id) => home.find(([e]) => e.entity_id === id)?.[1],
  reminder: null,
  ...extra,
});

/**
 * The menu as a person reads it: "— Header —" for a floor, "-" for a separator, "▸ Submenu" and
 * its items indented, "[disabled]" after what cannot be clicked.
 */
export const outline = (items: MenuItemSpec[], indent = ''): string[] =>
  items.flatMap((item) => {
    if (item.type === 'separator') return [`${indent}-`];
    if (item.type === 'submenu')
      return [`${indent}▸ ${item.label}`, ...outline(item.submenu, `${indent}  `)];
    if (item.id.startsWith('group:')) return [`${indent}— ${item.label} —`];
    const box = item.type === 'checkbox' ? (item.checked ? '☑ ' : '☐ ') : '';
    return [`${indent}${box}${item.label}${item.enabled === false ? ' [disabled]' : ''}`];
  });

/** Every clickable id in the menu, submenus included. */
export const clickableIds = (items: MenuItemSpec[]): string[] =>
  items.flatMap((item) =>
    item.type === 'submenu'
      ? clickableIds(item.submenu)
      : 'id' in item && item.enabled !== false
        ? [item.id]
        : [],
  );
