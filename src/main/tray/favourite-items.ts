import { planAction, trayItemKind } from '../../shared/domains/registry';
import type { EntityState } from '../../shared/entity';
import type { Favourite } from '../../shared/settings';
import { friendlyName, stateText } from '../../shared/state-text';
import type { MenuItemSpec } from './tray-host';

/**
 * One favourite as a menu item, shaped by its domain's tray kind (src/shared/domains/). `id`: its
 * item's id (src/main/tray/tray-item-ids.ts). `beside`: what tells it from a favourite of the same
 * name ("Bedroom"), shown in brackets after the name.
 */
export function favouriteItem(
  id: string,
  favourite: Favourite,
  entity: EntityState | undefined,
  beside?: string,
): MenuItemSpec {
  const named = (name: string) => (beside ? `${name} (${beside})` : name);
  if (!entity) {
    return {
      type: 'normal',
      id,
      label: `${named(favourite.label ?? favourite.entityId)} – not in Home Assistant`,
      enabled: false,
    };
  }
  const name = named(favourite.label ?? friendlyName(entity));
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
