import type { EntityState } from '../../shared/entity';
import type { EntityView } from '../../shared/entity-view';
import type { IpcContract } from '../../shared/ipc/contract';
import type { Publish } from '../../shared/ipc/define';
import { LeadingThrottle } from '../leading-throttle';
import type { Clock } from './clock';
import type { EntityStore } from './entity-store';

export interface PageEntityEventsOptions {
  store: EntityStore;
  /** An entity as pages see it, with its area. */
  view: (state: EntityState) => EntityView;
  /** To the pages that follow the stream. */
  send: Publish<IpcContract>;
  clock: Clock;
  /** Events go out at once after a quiet spell, then at most once per this interval. */
  intervalMs: number;
}

/**
 * What the pages hear about entities. The panel shows only the favourites, so only a
 * favourite's change sends anything: the favourites' views (`favouriteEntities`), woken per
 * entity by the store, so other entities cost nothing. The settings pages fetch the full list on
 * demand (`listEntities`) and are told when entities come or go (`entityListChanged`): a busy
 * sensor in a 10,000-entity home no longer re-sends the whole home to every page.
 */
export class PageEntityEvents {
  private favourites: readonly string[] = [];
  private unsubscribers: Array<() => void> = [];
  private readonly favouritesChanged: LeadingThrottle;
  private readonly listChanged: LeadingThrottle;
  private readonly offUpdate: () => void;
  private disposed = false;

  constructor(private readonly options: PageEntityEventsOptions) {
    const { clock, intervalMs, send, store } = options;
    this.favouritesChanged = new LeadingThrottle(clock, intervalMs, () =>
      send('favouriteEntities', this.favouriteViews()),
    );
    this.listChanged = new LeadingThrottle(clock, intervalMs, () =>
      send('entityListChanged', { size: store.size }),
    );
    this.offUpdate = store.onUpdate((update) => {
      if (update.membership) this.listChanged.request();
    });
  }

  /** The favourites Home Assistant has, in the user's order. */
  favouriteViews(): EntityView[] {
    return this.favourites.flatMap((id) => {
      const state = this.options.store.get(id);
      return state ? [this.options.view(state)] : [];
    });
  }

  setFavourites(entityIds: readonly string[]): void {
    if (entityIds.join('\n') === this.favourites.join('\n')) return;
    this.unsubscribers.forEach((off) => off());
    this.favourites = [...entityIds];
    this.unsubscribers = entityIds.map((id) =>
      this.options.store.subscribe(id, () => this.favouritesChanged.request()),
    );
    this.favouritesChanged.request();
  }

  /** Something every view depends on changed (the areas): every page reads again. */
  viewsChanged(): void {
    // The areas can arrive after quit disposed this (their request was still out): no timer then.
    if (this.disposed) return;
    this.listChanged.request();
    this.favouritesChanged.request();
  }

  dispose(): void {
    this.disposed = true;
    this.offUpdate();
    this.unsubscribers.forEach((off) => off());
    this.favouritesChanged.cancel();
    this.listChanged.cancel();
  }
}
