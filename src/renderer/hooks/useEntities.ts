import { useEffect, useMemo, useState } from 'react';
import type { EntityView } from '../../shared/entity-view';
import { bridge } from '../bridge';
import { runDetached } from '../detached';
import { withLiveFavourites } from './live-entities';
import { useInstanceValues } from './useMainValue';

/** Each instance's entity list, or why one could not be read and a way to read them again. */
export interface EntityList {
  /** By instance key, in the order asked for; null until every list has been read once. */
  lists: ReadonlyMap<string, EntityView[]> | null;
  failure: { message: string; retry: () => void } | null;
}

interface Read {
  list: EntityView[] | null;
  error: string | null;
}

/**
 * Every entity of each of these instances, for the settings pages' searchable lists: fetched when
 * a page opens and again when an instance's entities come or go, never pushed on each change (a
 * busy home would re-send thousands of views a second). The favourites among them stay live.
 */
export function useEntities(instances: readonly string[]): EntityList {
  const [reads, setReads] = useState<ReadonlyMap<string, Read>>(new Map());
  const [attempt, setAttempt] = useState(0);
  const joined = instances.join('\n');
  const favourites = useInstanceValues('favouriteEntities', instances);
  useEffect(() => {
    const keys = joined === '' ? [] : joined.split('\n');
    let live = true;
    const offs = keys.map((key) => {
      let latest = 0;
      const load = () => {
        const request = ++latest;
        runDetached(
          bridge()
            .listEntities(key)
            .then((result) => {
              // Only the newest answer counts: an older one may land after it.
              if (!live || request !== latest) return;
              setReads((old) => {
                const was = old.get(key);
                const next = new Map(old);
                next.set(key, {
                  list: result.ok ? result.value : (was?.list ?? null),
                  error: result.ok ? null : result.error.message,
                });
                return next;
              });
            }),
          'Listing the entities',
        );
      };
      const off = bridge().onEntityListChanged(load, key);
      load();
      return off;
    });
    return () => {
      live = false;
      offs.forEach((off) => off());
    };
  }, [joined, attempt]);
  const lists = useMemo(() => {
    const keys = joined === '' ? [] : joined.split('\n');
    if (keys.some((key) => !reads.get(key)?.list)) return null;
    return new Map(
      keys.map((key, i) => [
        key,
        withLiveFavourites(reads.get(key)!.list, favourites[i]?.value ?? null)!,
      ]),
    );
  }, [reads, favourites, joined]);
  const error = instances.map((key) => reads.get(key)).find((read) => read?.error && !read.list);
  const message = error?.error ?? null;
  const failure = useMemo(
    () => (message === null ? null : { message, retry: () => setAttempt((n) => n + 1) }),
    [message],
  );
  return { lists, failure };
}
