import { ON_OFF_DOMAINS, isReadOnly, planAction } from '../../shared/domain-actions';
import { domainOf, type EntityState } from '../../shared/entity';
import type { Favourite } from '../../shared/settings';
import { friendlyName, stateText } from '../../shared/state-text';
import type { MenuItemSpec } from '../platform/tray-host';

export const FAVOURITE_PREFIX = 'fav:';

const RUNS = new Set(['scene', 'script', 'button', 'input_button']);

/** One favourite as a menu item: a checkbox for on/off domains, the state for the rest. */
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
  const domain = domainOf(entity.entity_id);
  if (entity.state === 'unavailable')
    return { type: 'normal', id, label: `${name} – Unavailable`, enabled: false };
  if (ON_OFF_DOMAINS.has(domain))
    return { type: 'checkbox', id, label: name, checked: entity.state === 'on' };
  if (RUNS.has(domain)) return { type: 'normal', id, label: `▶ ${name}` };
  const label = `${name} – ${stateText(entity)}`;
  if (isReadOnly(entity))
    return { type: 'normal', id, label, toolTip: 'Open its history in Home Assistant' };
  const plan = planAction(entity, { kind: 'primary' });
  return { type: 'normal', id, label: plan.ok ? `${label}  (${plan.plan.label})` : label };
}
