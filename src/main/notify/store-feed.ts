import type { EntityStore } from '../ha/entity-store';
import type { EntityFeed } from './feeds';

/** The entity store as an EntityFeed: its snapshot updates become snapshots, the rest changes. */
export function entityFeedFromStore(store: Pick<EntityStore, 'all' | 'onUpdate'>): EntityFeed {
  return {
    current: () => store.all(),
    onSnapshot: (listener) =>
      store.onUpdate((update) => {
        if (update.snapshot) listener(store.all());
      }),
    onChange: (listener) =>
      store.onUpdate((update) => {
        if (update.snapshot) return;
        for (const change of update.changes) listener(change.old, change.state);
      }),
  };
}
