import { domainIconPath } from '../../shared/domains/registry';
import type { EntityView } from '../../shared/entity-view';
import { CUSTOM_ICONS } from './custom-icons';

/** "mdi:coffee-maker" -> its path when it is one of CUSTOM_ICONS, else undefined. */
export function mdiPath(icon: string): string | undefined {
  const name = icon.startsWith('mdi:') ? icon.slice(4) : '';
  return Object.hasOwn(CUSTOM_ICONS, name) ? CUSTOM_ICONS[name] : undefined;
}

/**
 * Home Assistant's icon for an entity: its `icon` attribute when the pages carry that icon,
 * else its domain and device class default.
 */
export function entityIconPath(entity: EntityView): string {
  const custom =
    typeof entity.attributes.icon === 'string' ? mdiPath(entity.attributes.icon) : undefined;
  return custom ?? domainIconPath(entity);
}
