import type { AppStatus } from '../../shared/app-status';
import { withHomeTemperatureUnit } from '../../shared/domains/climate';
import type { EntityState } from '../../shared/entity';
import type { Favourite } from '../../shared/settings';
import type { TemperatureUnit } from '../../shared/unit-system';
import type { EntityStore } from '../ha/entity-store';
import type { InstanceTrayInput } from './instance-tray-model';

/**
 * What the tray knows of one instance, and its subscriptions to that instance's entity store:
 * `changed` hears of a change of one of its favourites. Disposed when the instance goes.
 */
export class InstanceTrayState {
  status: AppStatus | null = null;
  placeOf: InstanceTrayInput['placeOf'] = () => undefined;
  reminder: InstanceTrayInput['reminder'] = null;
  temperatureUnit: TemperatureUnit | undefined;
  private favourites: readonly Favourite[] = [];
  private offFavourites: Array<() => void> = [];

  constructor(
    readonly key: string,
    readonly store: EntityStore,
    private readonly changed: () => void,
  ) {}

  setFavourites(favourites: readonly Favourite[]): void {
    this.offFavourites.forEach((off) => off());
    this.favourites = favourites;
    this.offFavourites = favourites.map((f) => this.store.subscribe(f.entityId, this.changed));
  }

  /** An entity as the menu shows it: a thermostat's temperatures in the home's unit. */
  entity(entityId: string): EntityState | undefined {
    const state = this.store.get(entityId);
    return state && withHomeTemperatureUnit(state, this.temperatureUnit);
  }

  /** The model's input, once the instance's status is known. */
  input(): InstanceTrayInput | null {
    if (!this.status) return null;
    return {
      status: this.status,
      favourites: this.favourites,
      entity: (entityId) => this.entity(entityId),
      placeOf: this.placeOf,
      reminder: this.reminder,
    };
  }

  dispose(): void {
    this.offFavourites.forEach((off) => off());
    this.offFavourites = [];
  }
}
