import type { EntityState } from '../../shared/entity';
import type { EntityPlace } from '../../shared/entity-view';
import type { FloorGroup } from '../../shared/floor-groups';
import type { Favourite } from '../../shared/settings';
import { friendlyName } from '../../shared/state-text';
import { tellApart } from '../../shared/telling-apart';
import { favouriteItem } from './favourite-items';
import type { MenuItemSpec } from './tray-host';
import { favouriteItemId, floorHeaderItemId } from './tray-item-ids';

/** Above this many favourites each group is a submenu: the menu stays one screen tall. */
export const SUBMENU_ABOVE = 10;

export interface FavouriteMenuInput {
  /** The instance the favourites are from: their items' ids carry its key. */
  instance: string;
  favourites: readonly Favourite[];
  entity: (entityId: string) => EntityState | undefined;
  placeOf: (entityId: string) => EntityPlace | undefined;
  /**
   * The favourites' groups, by position in `favourites` (see src/shared/floor-groups.ts), or null
   * for one plain list. The caller chooses the grouping, so that another (by area, by instance)
   * changes nothing here.
   */
  groups: FloorGroup<number>[] | null;
  /** False while disconnected: the last known states may be stale. */
  enabled: boolean;
}

/**
 * The favourites' part of the tray menu: in the user's order, each named as the panel names it
 * and, where names repeat, with what tells it apart beside it ("Bedroom window (Cover)"). Grouped
 * like the panel: a header wherever the group changes, or, above SUBMENU_ABOVE favourites, a
 * submenu per group.
 */
export function favouriteMenu({
  instance,
  favourites,
  entity,
  placeOf,
  groups,
  enabled,
}: FavouriteMenuInput): MenuItemSpec[] {
  const entities = favourites.map((favourite) => entity(favourite.entityId));
  const besides = tellApart(
    favourites.map((favourite, i) => {
      const known = entities[i];
      return {
        name: favourite.label ?? (known ? friendlyName(known) : favourite.entityId),
        entityId: favourite.entityId,
        area: placeOf(favourite.entityId)?.area,
      };
    }),
  );
  const items = favourites.map((favourite, i) => {
    const id = favouriteItemId(instance, favourite.entityId);
    const item = favouriteItem(id, favourite, entities[i], besides[i]);
    return enabled || item.type === 'separator' ? item : { ...item, enabled: false };
  });
  if (!groups) return items;
  if (favourites.length > SUBMENU_ABOVE) {
    return groups.map((group) => ({
      type: 'submenu',
      label: group.heading,
      submenu: group.items.map((i) => items[i]!),
    }));
  }
  return groups.flatMap((group, g): MenuItemSpec[] => [
    ...(g > 0 ? [{ type: 'separator' } as const] : []),
    {
      type: 'normal',
      id: floorHeaderItemId(instance, group.key),
      label: group.heading,
      enabled: false,
    },
    ...group.items.map((i) => items[i]!),
  ]);
}
