import { planAction, trayItemKind } from '../../shared/domains/registry';
import type { EntityState } from '../../shared/entity';
import type { Favourite } from '../../shared/settings';
import { friendlyName, stateText } from '../../shared/state-text';
import type { MenuItemSpec } from './tray-host';

export const FAVOURITE_PREFIX = 'fav:';

/** One favourite as a menu item, shaped by its domain's tray kind (src/shared/domains/). */
export function favouriteItem(favourite: Favourite, entity: EntityState | undefined): MenuItemSpec {
  const id = `${FAVOURITE_PREFIX}${favourite.entityId}`;
  if (!entity) {
    return {
      type: 'normal',
      id,
      label: `${favourite.label ?? favourite.entityId} – not in Home Assistant`,
      enabled: false,
    };
  }
  const name = favourite.label ?? friendlyName(entity);
  if (entity.state === 'unavailable')
    return { type: 'normal', id, label: `${name} – Unavailable`, enabled: false };
  const label = `${name} – ${stateText(entity)}`;
  switch (trayItemKind(entity)) {
    case 'switch':
      return { type: 'checkbox', id, label: name, checked: entity.state === 'on' };
    case 'run':
      return { type: 'normal', id, label: `▶ ${name}` };
    case 'history':
      return { type: 'normal', id, label, toolTip: 'Open its history in Home Assistant' };
    case 'panel':
      return { type: 'normal', id, label };
    case 'primary': {
      const plan = planAction(entity, { kind: 'primary' });
      return { type: 'normal', id, label: plan.ok ? `${label}  (${plan.plan.label})` : label };
    }
  }
}
