import { isDeepStrictEqual } from 'node:util';
import type { AppStatus } from '../../shared/app-status';
import { withHomeTemperatureUnit } from '../../shared/domains/climate';
import type { EntityPlace } from '../../shared/entity-view';
import type { Favourite } from '../../shared/settings';
import type { TemperatureUnit } from '../../shared/unit-system';
import type { Clock } from '../ha/clock';
import { systemClock } from '../ha/clock';
import type { EntityStore } from '../ha/entity-store';
import { LeadingThrottle } from '../leading-throttle';
import { FAVOURITE_PREFIX } from './favourite-items';
import type { TrayHost } from './tray-host';
import { trayModel, type TrayInput } from './tray-model';

export interface TrayActions {
  openTokenSettings: () => void;
  pauseNotifications: (how: 'hour' | 'tomorrow') => void;
  resumeNotifications: () => void;
  openPanel: () => void;
  openSettings: () => void;
  openHomeAssistant: () => void;
  reconnect: () => void;
  quit: () => void;
  clickFavourite: (entityId: string) => void;
}

/** The menu is rebuilt at most this often while favourites change. */
export const TRAY_REBUILD_MS = 100;

/**
 * Owns the tray: setters store state and one render() pushes what changed to the host
 * (Signal-Desktop's SystemTrayService pattern). Only changes of favourites and of the sensor
 * wake it, the first after a quiet spell shows at once and a burst is coalesced into one
 * rebuild, and the menu is replaced only when its content changed (no
 * flicker, and no leaked never-opened menus on Linux: electron#50806).
 */
export class TrayService {
  private status: AppStatus | null = null;
  private favourites: readonly Favourite[] = [];
  private placeOf: TrayInput['placeOf'] = () => undefined;
  private panelShortcut: string | null = null;
  private reminder: TrayInput['reminder'] = null;
  private pausedUntil: number | null = null;
  private sensorId: string | null = null;
  private temperatureUnit: TemperatureUnit | undefined;
  private dark = false;
  private unsubscribers: Array<() => void> = [];
  private offSensor: (() => void) | null = null;
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
    private readonly store: EntityStore,
    actions: TrayActions,
    private readonly clock: Clock = systemClock,
  ) {
    this.favouriteChanged = new LeadingThrottle(clock, TRAY_REBUILD_MS, () => this.render());
    const commands: Record<string, () => void> = {
      rotate: actions.openTokenSettings,
      'pause-hour': () => actions.pauseNotifications('hour'),
      'pause-tomorrow': () => actions.pauseNotifications('tomorrow'),
      'resume-notifications': actions.resumeNotifications,
      panel: actions.openPanel,
      settings: actions.openSettings,
      'open-ha': actions.openHomeAssistant,
      reconnect: actions.reconnect,
      quit: actions.quit,
    };
    host.onMenuItem((id) => {
      if (id.startsWith(FAVOURITE_PREFIX))
        actions.clickFavourite(id.slice(FAVOURITE_PREFIX.length));
      else commands[id]?.();
    });
    // Where the platform delivers clicks (not most Linux desktops), a click opens the panel.
    host.onClick(actions.openPanel);
  }

  setStatus(status: AppStatus): void {
    this.status = status;
    this.render();
  }

  setReminder(reminder: TrayInput['reminder']): void {
    this.reminder = reminder;
    this.render();
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

  setFavourites(favourites: readonly Favourite[]): void {
    this.unsubscribers.forEach((off) => off());
    this.favourites = favourites;
    this.unsubscribers = favourites.map((f) =>
      this.store.subscribe(f.entityId, () => this.favouriteChanged.request()),
    );
    this.render();
  }

  /**
   * Where the favourites are (src/main/ha/area-directory.ts): given again whenever Home
   * Assistant's registries changed, so the floor groups and the areas beside repeated names follow.
   */
  setPlaces(placeOf: (entityId: string) => EntityPlace | undefined): void {
    this.placeOf = placeOf;
    this.render();
  }

  /** The home's temperature unit (src/main/ha/home-unit-system.ts), for thermostat favourites. */
  setTemperatureUnit(unit: TemperatureUnit | undefined): void {
    this.temperatureUnit = unit;
    this.render();
  }

  /** The system switched between light and dark: the icon follows. */
  setDark(dark: boolean): void {
    this.dark = dark;
    this.render();
  }

  /** Follows one sensor's state into the title and tooltip, coalesced like the menu. */
  setSensor(entityId: string | null): void {
    if (entityId === this.sensorId) return;
    this.offSensor?.();
    this.sensorId = entityId;
    this.offSensor = entityId
      ? this.store.subscribe(entityId, () => this.favouriteChanged.request())
      : null;
    this.render();
  }

  dispose(): void {
    this.unsubscribers.forEach((off) => off());
    this.offSensor?.();
    this.favouriteChanged.cancel();
  }

  private render(): void {
    if (!this.status) return;
    const model = trayModel(
      {
        status: this.status,
        favourites: this.favourites,
        entity: (id) => {
          const state = this.store.get(id);
          return state && withHomeTemperatureUnit(state, this.temperatureUnit);
        },
        placeOf: this.placeOf,
        panelShortcut: this.panelShortcut,
        reminder: this.reminder,
        pausedUntil: this.pausedUntil,
        sensorId: this.sensorId,
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
