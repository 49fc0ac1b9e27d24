import { useEffect, useMemo, useState } from 'react';
import type { EntityView } from '../../shared/entity-view';
import { bridge } from '../bridge';
import { runDetached } from '../detached';
import { withLiveFavourites } from './live-entities';
import { useFavouriteEntities } from './useFavouriteEntities';

/**
 * Every entity, for the settings pages' searchable lists: fetched when a page opens and again
 * when entities come or go, never pushed on each change (a busy home would re-send thousands of
 * views a second). The favourites among them stay live.
 */
export function useEntities(): EntityView[] | null {
  const [list, setList] = useState<EntityView[] | null>(null);
  const favourites = useFavouriteEntities();
  useEffect(() => {
    let latest = 0;
    const load = () => {
      const request = ++latest;
      runDetached(
        bridge()
          .listEntities()
          .then((result) => {
            // Only the newest answer counts: an older one may land after it.
            if (request === latest && result.ok) setList(result.value);
          }),
        'Listing the entities',
      );
    };
    const off = bridge().onEntityListChanged(load);
    load();
    return () => {
      latest = -1;
      off();
    };
  }, []);
  return useMemo(() => withLiveFavourites(list, favourites), [list, favourites]);
}
