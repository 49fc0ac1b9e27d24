import type { AppStatus } from '../../shared/app-status';
import { connectionWords } from '../../shared/connection-words';
import type { EntityState } from '../../shared/entity';
import type { EntityPlace } from '../../shared/entity-view';
import { groupByFloor } from '../../shared/floor-groups';
import type { Favourite } from '../../shared/settings';
import type { ReminderStatus } from '../../shared/token-status';
import { favouriteMenu } from './favourite-menu';
import type { MenuItemSpec } from './tray-host';

/** What the tray shows of one Home Assistant instance. */
export interface InstanceTrayInput {
  /** Its key, display name and connection (src/main/setup/instance-setup.ts). */
  status: AppStatus;
  favourites: readonly Favourite[];
  entity: (entityId: string) => EntityState | undefined;
  /** Where an entity is (its area and floor), as src/main/ha/area-directory.ts knows it. */
  placeOf: (entityId: string) => EntityPlace | undefined;
  /** The token rotation reminder: the attention badge and "Token is 97 days old - Rotate…". */
  reminder: Pick<ReminderStatus, 'attention' | 'menuLine'> | null;
}

/** The instance's connection in the status line's and the tooltip's words. */
export function instanceWords(status: AppStatus, now: number): string {
  // Held back by the crash-loop guard, the connection reads "not set up": say the real reason.
  return status.startNotice
    ? 'Not connecting after repeated crashes'
    : connectionWords(status.connection, now).brief;
}

export const isConnected = (status: AppStatus): boolean => status.connection.state === 'connected';

/** Saved and not connected: what "Reconnect now" tries again. */
export const needsReconnect = (status: AppStatus): boolean =>
  status.instance !== null && !isConnected(status);

/**
 * The instance's favourites in the user's order, with a header wherever the floor changes (the
 * panel's grouping); none until it is set up. While it is disconnected the last known states
 * may be stale: they are shown, disabled.
 */
export function instanceFavourites({
  status,
  favourites,
  entity,
  placeOf,
}: InstanceTrayInput): MenuItemSpec[] {
  if (status.instance === null || favourites.length === 0) return [];
  const groups = groupByFloor(
    favourites.map((_, index) => index),
    (index) => placeOf(favourites[index]!.entityId),
    { order: 'kept' },
  );
  return favouriteMenu({
    instance: status.key,
    favourites,
    entity,
    placeOf,
    groups,
    enabled: isConnected(status),
  });
}
