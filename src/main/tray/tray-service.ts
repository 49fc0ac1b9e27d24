import { isDeepStrictEqual } from 'node:util';
import type { AppStatus } from '../../shared/app-status';
import type { Favourite } from '../../shared/settings';
import type { TemperatureUnit } from '../../shared/unit-system';
import type { Clock } from '../ha/clock';
import { systemClock } from '../ha/clock';
import type { EntityStore } from '../ha/entity-store';
import { LeadingThrottle } from '../leading-throttle';
import type { InstanceTrayInput } from './instance-tray-model';
import { InstanceTrayState } from './instance-tray-state';
import { runTrayClick, type TrayActions } from './tray-clicks';
import type { TrayHost } from './tray-host';
import { parseTrayItemId } from './tray-item-ids';
import { trayModel, type TrayInput } from './tray-model';

/** An instance the tray follows: its key and its entity store. */
export interface TrayInstanceSource {
  key: string;
  store: EntityStore;
}

/** The menu is rebuilt at most this often while favourites change. */
export const TRAY_REBUILD_MS = 100;

/**
 * Owns the tray: setters store state and one render() pushes what changed to the host
 * (Signal-Desktop's SystemTrayService pattern). Only changes of favourites and of the sensor
 * wake it, the first after a quiet spell shows at once and a burst is coalesced into one
 * rebuild, and the menu is replaced only when its content changed (no
 * flicker, and no leaked never-opened menus on Linux: electron#50806). It follows every
 * instance the app has (`setInstances`); what belongs to one is set by its key, and a key it
 * does not follow is ignored.
 */
export class TrayService {
  private instances: InstanceTrayState[] = [];
  private panelShortcut: string | null = null;
  private pausedUntil: number | null = null;
  private sensor: TrayInput['sensor'] = null;
  /** The sensor's subscription: in the store of the instance it is from. */
  private sensorFollow: { from: InstanceTrayState; entityId: string; off: () => void } | null =
    null;
  private dark = false;
  private readonly disposers: Array<() => void> = [];
  private readonly favouriteChanged: LeadingThrottle;
  private last: { icon: unknown; tooltip: string; title: string; items: unknown } = {
    icon: null,
    tooltip: '',
    title: '',
    items: null,
  };
  /** How many times the menu was handed to the host: for tests of coalescing. */
  rebuilds = 0;

  constructor(
    private readonly host: TrayHost,
    actions: TrayActions,
    private readonly clock: Clock = systemClock,
  ) {
    this.favouriteChanged = new LeadingThrottle(clock, TRAY_REBUILD_MS, () => this.render());
    host.onMenuItem((id) => {
      const click = parseTrayItemId(id);
      if (click) runTrayClick(click, this.instances, actions);
    });
    // Where the platform delivers clicks (not most Linux desktops), a click opens the panel.
    host.onClick(actions.openPanel);
  }

  /**
   * The instances, in the user's order: those already followed keep their state, new ones
   * start empty, and a removed one's subscriptions are dropped.
   */
  setInstances(sources: readonly TrayInstanceSource[]): void {
    const next = sources.map(
      ({ key, store }) =>
        this.instances.find((state) => state.key === key && state.store === store) ??
        new InstanceTrayState(key, store, () => this.favouriteChanged.request()),
    );
    for (const state of this.instances) if (!next.includes(state)) state.dispose();
    this.instances = next;
    this.followSensor();
    this.render();
  }

  setStatus(instance: string, status: AppStatus): void {
    this.update(instance, (state) => (state.status = status));
  }

  setReminder(instance: string, reminder: InstanceTrayInput['reminder']): void {
    this.update(instance, (state) => (state.reminder = reminder));
  }

  setFavourites(instance: string, favourites: readonly Favourite[]): void {
    this.update(instance, (state) => state.setFavourites(favourites));
  }

  /**
   * Where an instance's favourites are (src/main/ha/area-directory.ts): given again whenever its
   * registries changed, so the floor groups and the areas beside repeated names follow.
   */
  setPlaces(instance: string, placeOf: InstanceTrayInput['placeOf']): void {
    this.update(instance, (state) => (state.placeOf = placeOf));
  }

  /** An instance's temperature unit (src/main/ha/home-unit-system.ts), for its thermostats. */
  setTemperatureUnit(instance: string, unit: TemperatureUnit | undefined): void {
    this.update(instance, (state) => (state.temperatureUnit = unit));
  }

  setPausedUntil(until: number | null): void {
    this.pausedUntil = until;
    this.render();
  }

  /** The registered global shortcut, shown next to "Open panel"; null when none works. */
  setPanelShortcut(accelerator: string | null): void {
    this.panelShortcut = accelerator;
    this.render();
  }

  /** The system switched between light and dark: the icon follows. */
  setDark(dark: boolean): void {
    this.dark = dark;
    this.render();
  }

  /** Follows one sensor of one instance into the title and tooltip, coalesced like the menu. */
  setSensor(sensor: TrayInput['sensor']): void {
    if (isDeepStrictEqual(sensor, this.sensor)) return;
    this.sensor = sensor;
    this.followSensor();
    this.render();
  }

  /** Runs at dispose: the wiring that feeds this tray (src/main/tray/create-tray.ts). */
  addDisposer(dispose: () => void): void {
    this.disposers.push(dispose);
  }

  dispose(): void {
    this.disposers.splice(0).forEach((dispose) => dispose());
    this.instances.forEach((state) => state.dispose());
    this.sensorFollow?.off();
    this.sensorFollow = null;
    this.favouriteChanged.cancel();
  }

  private update(instance: string, change: (state: InstanceTrayState) => void): void {
    const state = this.instances.find((s) => s.key === instance);
    if (!state) return;
    change(state);
    this.render();
  }

  /** Subscribes to the sensor in its instance's store, and only while both are there. */
  private followSensor(): void {
    const sensor = this.sensor;
    const from = sensor && this.instances.find((state) => state.key === sensor.instance);
    const current = this.sensorFollow;
    if (current?.from === from && current?.entityId === sensor?.entityId) return;
    current?.off();
    this.sensorFollow =
      from && sensor
        ? {
            from,
            entityId: sensor.entityId,
            off: from.store.subscribe(sensor.entityId, () => this.favouriteChanged.request()),
          }
        : null;
  }

  private render(): void {
    const instances = this.instances.flatMap((state) => state.input() ?? []);
    // Until every instance's status is known: a menu without one would change its layout twice.
    if (instances.length === 0 || instances.length < this.instances.length) return;
    const model = trayModel(
      {
        instances,
        panelShortcut: this.panelShortcut,
        pausedUntil: this.pausedUntil,
        sensor: this.sensor,
        dark: this.dark,
      },
      this.clock.now(),
    );
    if (!isDeepStrictEqual(model.icon, this.last.icon)) this.host.setIcon(model.icon);
    if (model.tooltip !== this.last.tooltip) this.host.setToolTip(model.tooltip);
    if (model.title !== this.last.title) this.host.setTitle(model.title);
    if (!isDeepStrictEqual(model.items, this.last.items)) {
      this.host.setContextMenu(model.items);
      this.rebuilds++;
    }
    this.last = {
      icon: model.icon,
      tooltip: model.tooltip,
      title: model.title,
      items: model.items,
    };
  }
}
