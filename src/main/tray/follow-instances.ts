import type { Settings } from '../../shared/settings';
import type { InstanceServices } from '../instances/instance-services';
import type { InstanceTrayInput } from './instance-tray-model';
import type { TrayService } from './tray-service';

/** What the tray reads of one instance (src/main/instances/instance-services.ts). */
export interface TrayInstance {
  key: string;
  store: InstanceServices['store'];
  settings: Pick<InstanceServices['settings'], 'entry' | 'onChange'>;
  areas: Pick<InstanceServices['areas'], 'placeOf' | 'onChange'>;
  units: Pick<InstanceServices['units'], 'temperatureUnit' | 'onChange'>;
  supervisor: Pick<InstanceServices['supervisor'], 'reconnectNow' | 'connection'>;
  setup: Pick<InstanceServices['setup'], 'status' | 'onStatus'>;
  /** Its token lifecycle: the tray shows only the rotation reminder. */
  tokens: {
    status(): { reminder: ShownReminder };
    onStatus(listener: (status: { reminder: ShownReminder }) => void): () => void;
  };
}

type ShownReminder = NonNullable<InstanceTrayInput['reminder']>;

/** The instances, as src/main/instances/instance-set.ts keeps them. */
export interface TrayInstanceList {
  /** In the user's order. */
  list(): readonly TrayInstance[];
  /** Called after an instance came or went. */
  onChange(listener: () => void): () => void;
}

/** Feeds one instance's state to the tray; returns what stops it. */
function followInstance(tray: TrayService, instance: TrayInstance): () => void {
  const { key } = instance;
  const showPlaces = () => tray.setPlaces(key, (entityId) => instance.areas.placeOf(entityId));
  tray.setFavourites(key, instance.settings.entry().favourites);
  tray.setReminder(key, instance.tokens.status().reminder);
  tray.setTemperatureUnit(key, instance.units.temperatureUnit());
  showPlaces();
  // Last: the tray shows an instance once its status is known, so this draws it once.
  tray.setStatus(key, instance.setup.status());
  const offs = [
    instance.setup.onStatus((status) => tray.setStatus(key, status)),
    instance.settings.onChange((entry) => {
      tray.setFavourites(key, entry.favourites);
      // A new name shows in its header at once.
      tray.setStatus(key, instance.setup.status());
    }),
    instance.tokens.onStatus((status) => tray.setReminder(key, status.reminder)),
    instance.areas.onChange(showPlaces),
    instance.units.onChange((unit) => tray.setTemperatureUnit(key, unit)),
  ];
  return () => offs.forEach((off) => off());
}

/**
 * Keeps the tray on the app's instances: one that comes is followed at once, one that goes is
 * dropped with its subscriptions, and a new order of the settings' list is the menu's order.
 * Returns what stops all of it.
 */
export function followInstances(
  tray: TrayService,
  instances: TrayInstanceList,
  settings: { onChange(listener: (settings: Settings) => void): () => void },
): () => void {
  const followed = new Map<TrayInstance, () => void>();
  const sync = () => {
    const list = instances.list();
    for (const [instance, off] of followed)
      if (!list.includes(instance)) {
        off();
        followed.delete(instance);
      }
    tray.setInstances(list.map(({ key, store }) => ({ key, store })));
    for (const instance of list)
      if (!followed.has(instance)) followed.set(instance, followInstance(tray, instance));
  };
  sync();
  const offs = [instances.onChange(sync), settings.onChange(sync)];
  return () => {
    offs.forEach((off) => off());
    followed.forEach((off) => off());
    followed.clear();
  };
}
