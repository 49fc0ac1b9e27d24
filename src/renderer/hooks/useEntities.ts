import { useEffect, useMemo, useState } from 'react';
import type { EntityView } from '../../shared/entity-view';
import { bridge } from '../bridge';
import { runDetached } from '../detached';
import { withLiveFavourites } from './live-entities';
import { useFavouriteEntities } from './useFavouriteEntities';

/** The entity list, or why it could not be read and a way to read it again. */
export interface EntityList {
  entities: EntityView[] | null;
  failure: { message: string; retry: () => void } | null;
}

/**
 * Every entity, for the settings pages' searchable lists: fetched when a page opens and again
 * when entities come or go, never pushed on each change (a busy home would re-send thousands of
 * views a second). The favourites among them stay live.
 */
export function useEntities(): EntityList {
  const [list, setList] = useState<EntityView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
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
            if (request !== latest) return;
            if (result.ok) setList(result.value);
            setError(result.ok ? null : result.error.message);
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
  }, [attempt]);
  const entities = useMemo(() => withLiveFavourites(list, favourites), [list, favourites]);
  const failure = useMemo(
    () =>
      error === null || list !== null
        ? null
        : { message: error, retry: () => setAttempt((n) => n + 1) },
    [error, list],
  );
  return { entities, failure };
}
